import { parseEcrRegistry, parseImageReference } from '../../registry/image-ref.js';
import { formatPath } from '../paths.js';
import {
  DOCS,
  fix,
  member,
  obj,
  objects,
  present,
  str,
  type LintRule,
  type RuleInput,
} from './model.js';

/** Log configuration: awslogs options, and essential containers that log nowhere. */

/**
 * The region the task evidently runs in, read from an ECR image host or a secret ARN; used to
 * fill in a missing `awslogs-region`. Undefined when nothing says.
 */
export function regionHint({ containers }: RuleInput): string | undefined {
  for (const container of containers) {
    const image = str(container.def, 'image');
    const registry = image === undefined ? undefined : parseImageReference(image)?.registry;
    const region = registry === undefined ? undefined : parseEcrRegistry(registry)?.region;
    if (region) return region;
    for (const { value } of objects(container.def, 'secrets')) {
      const arn = /^arn:aws[\w-]*:(?:secretsmanager|ssm):([a-z0-9-]+):/.exec(
        str(value, 'valueFrom') ?? '',
      );
      if (arn?.[1]) return arn[1];
    }
  }
  return undefined;
}

export const loggingRules: LintRule[] = [
  {
    id: 'awslogs-options-missing',
    severity: 'error',
    title: 'awslogs needs a group and region (and a stream prefix on Fargate)',
    docUrl: DOCS.awslogs,
    *check(input) {
      for (const container of input.containers) {
        const logConfiguration = obj(container.def, 'logConfiguration');
        if (str(logConfiguration, 'logDriver') !== 'awslogs') continue;
        const options = obj(logConfiguration, 'options');
        // Options of the wrong type are the `wrong-type` finding.
        if (present(logConfiguration, 'options') && !options) continue;
        const required = ['awslogs-group', 'awslogs-region'];
        if (input.fargate) required.push('awslogs-stream-prefix');
        for (const option of required) {
          const value = member(options, option);
          if (value !== undefined && value !== null && value !== '') continue;
          const path = formatPath([
            'containerDefinitions',
            container.index,
            'logConfiguration',
            'options',
            option,
          ]);
          const suggestion =
            option === 'awslogs-stream-prefix'
              ? 'ecs'
              : option === 'awslogs-region'
                ? regionHint(input)
                : undefined;
          yield {
            path,
            message: `${container.label}: the awslogs log driver needs the "${option}" option${option === 'awslogs-stream-prefix' ? ' on Fargate' : ''}.`,
            ...(suggestion === undefined
              ? {}
              : {
                  fix: fix(`Set ${option} to "${suggestion}"`, [
                    { op: 'set', path, value: suggestion },
                  ]),
                }),
          };
        }
      }
    },
  },
  {
    id: 'essential-without-logging',
    severity: 'warning',
    title: 'Essential container without logConfiguration',
    docUrl: DOCS.logging,
    *check({ containers }) {
      for (const container of containers) {
        if (!container.essential || present(container.def, 'logConfiguration')) continue;
        yield {
          path: container.at('logConfiguration'),
          message: `${container.label} is essential but has no logConfiguration: when it stops, its logs are gone with it.`,
        };
      }
    },
  },
];

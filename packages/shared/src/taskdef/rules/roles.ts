import { parseEcrRegistry, parseImageReference } from '../../registry/image-ref.js';
import { concrete, DOCS, list, member, obj, present, str, type LintRule } from './model.js';

/** The task's IAM roles: what needs the execution role, and the two roles kept apart. */

function pullsFromEcr(image: string | undefined): boolean {
  const registry = image === undefined ? undefined : parseImageReference(image)?.registry;
  return registry !== undefined && parseEcrRegistry(registry) !== undefined;
}

const MAX_REASONS = 3;

export const roleRules: LintRule[] = [
  {
    id: 'execution-role-required',
    severity: 'error',
    title: 'Execution role required',
    docUrl: DOCS.executionRole,
    *check({ doc, containers, fargate }) {
      // A placeholder counts as a role: the pipeline fills it in.
      if (present(doc, 'executionRoleArn') && member(doc, 'executionRoleArn') !== '') return;
      const reasons: string[] = [];
      for (const container of containers) {
        const who = container.label.replace(/^Container /, 'container ');
        const logConfiguration = obj(container.def, 'logConfiguration');
        // On EC2 the instance role pulls from ECR and writes awslogs; on Fargate only this role does.
        if (fargate && str(logConfiguration, 'logDriver') === 'awslogs') {
          reasons.push(`${who} logs with awslogs on Fargate`);
        }
        if (fargate && pullsFromEcr(str(container.def, 'image'))) {
          reasons.push(`${who} pulls its image from ECR on Fargate`);
        }
        if (list(container.def, 'secrets').length > 0) reasons.push(`${who} has secrets`);
        if (list(logConfiguration, 'secretOptions').length > 0) {
          reasons.push(`${who} has log secretOptions`);
        }
        if (concrete(obj(container.def, 'repositoryCredentials'), 'credentialsParameter')) {
          reasons.push(`${who} uses repositoryCredentials`);
        }
        if (list(container.def, 'environmentFiles').length > 0) {
          reasons.push(`${who} loads environmentFiles from S3`);
        }
      }
      if (reasons.length === 0) return;
      const shown = reasons.slice(0, MAX_REASONS).join('; ');
      const more =
        reasons.length > MAX_REASONS ? ` (and ${reasons.length - MAX_REASONS} more)` : '';
      yield {
        path: 'executionRoleArn',
        message: `executionRoleArn is required: ${shown}${more}. ECS uses that role to pull images, write logs and read secrets.`,
      };
    },
  },
  {
    id: 'task-role-equals-execution-role',
    severity: 'warning',
    title: 'Task role and execution role are the same',
    docUrl: DOCS.taskRole,
    *check({ doc }) {
      const taskRole = concrete(doc, 'taskRoleArn');
      if (taskRole === undefined || taskRole !== concrete(doc, 'executionRoleArn')) return;
      yield {
        path: 'taskRoleArn',
        message:
          'taskRoleArn is the same role as executionRoleArn: the application gets every permission ECS needs to start it (image pulls, secrets, logs). Give the application a role of its own.',
      };
    },
  },
];

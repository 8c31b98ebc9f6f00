import {
  DOCS,
  fix,
  isDoc,
  member,
  objects,
  show,
  str,
  type ContainerView,
  type Doc,
  type LintRule,
  type RuleInput,
  isPlaceholder,
} from './model.js';

/** Container start order (`dependsOn`): targets, conditions, and cycles. */

export const DEPENDENCY_CONDITIONS: readonly string[] = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];

interface Dependency {
  container: ContainerView;
  index: number;
  def: Doc;
  /** The target container, when the name is one. */
  target: ContainerView | undefined;
  targetName: string | undefined;
  condition: string | undefined;
  at(key?: string): string;
}

function* dependencies({ containers, containerByName }: RuleInput): Generator<Dependency> {
  for (const container of containers) {
    for (const { index, value } of objects(container.def, 'dependsOn')) {
      const targetName = str(value, 'containerName');
      yield {
        container,
        index,
        def: value,
        target: targetName === undefined ? undefined : containerByName.get(targetName),
        targetName,
        condition: str(value, 'condition'),
        at: (key) =>
          key === undefined
            ? container.at('dependsOn', index)
            : container.at('dependsOn', index, key),
      };
    }
  }
}

/**
 * Each cycle once, as the names around it (`a → b → a`), found by an iterative depth-first
 * search (no recursion: a pasted document may hold thousands of containers). The reported
 * dependency is the one that closes the cycle.
 */
function findCycles(input: RuleInput): { closing: Dependency; names: string[] }[] {
  const edges = new Map<number, Dependency[]>();
  for (const dependency of dependencies(input)) {
    if (!dependency.target) continue;
    const from = edges.get(dependency.container.index) ?? [];
    from.push(dependency);
    edges.set(dependency.container.index, from);
  }
  const state = new Map<number, 'open' | 'done'>();
  const cycles: { closing: Dependency; names: string[] }[] = [];
  for (const start of input.containers) {
    if (state.has(start.index)) continue;
    const stack: { node: ContainerView; next: number }[] = [{ node: start, next: 0 }];
    state.set(start.index, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const edge = edges.get(frame.node.index)?.[frame.next];
      frame.next += 1;
      if (!edge?.target) {
        if (frame.next > (edges.get(frame.node.index)?.length ?? 0)) {
          state.set(frame.node.index, 'done');
          stack.pop();
        }
        continue;
      }
      const target = edge.target;
      const seen = state.get(target.index);
      if (seen === 'open') {
        const from = stack.findIndex((entry) => entry.node.index === target.index);
        const names = stack
          .slice(from)
          .map((entry) => entry.node.name ?? `#${entry.node.index + 1}`);
        cycles.push({ closing: edge, names: [...names, target.name ?? `#${target.index + 1}`] });
      } else if (seen === undefined) {
        state.set(target.index, 'open');
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return cycles;
}

export const dependsOnRules: LintRule[] = [
  {
    id: 'depends-on-unknown-container',
    severity: 'error',
    title: 'dependsOn names a container that does not exist',
    docUrl: DOCS.dependsOn,
    *check(input) {
      for (const dependency of dependencies(input)) {
        const name = member(dependency.def, 'containerName');
        if (name === undefined || name === null || name === '') {
          yield {
            path: dependency.at('containerName'),
            message: `${dependency.container.label}: dependsOn[${dependency.index}] needs a containerName.`,
          };
        } else if (typeof name === 'string' && !isPlaceholder(name) && !dependency.target) {
          yield {
            path: dependency.at('containerName'),
            message: `${dependency.container.label} depends on ${show(name)}, which is not a container in this task definition.`,
          };
        }
      }
    },
  },
  {
    id: 'depends-on-condition-invalid',
    severity: 'error',
    title: 'dependsOn condition is START, COMPLETE, SUCCESS or HEALTHY',
    docUrl: DOCS.dependsOn,
    *check(input) {
      for (const dependency of dependencies(input)) {
        const condition = member(dependency.def, 'condition');
        const path = dependency.at('condition');
        if (condition === undefined || condition === null) {
          yield {
            path,
            message: `${dependency.container.label}: dependsOn[${dependency.index}] needs a condition (${DEPENDENCY_CONDITIONS.join(', ')}).`,
          };
          continue;
        }
        if (typeof condition !== 'string' || isPlaceholder(condition)) continue;
        if (DEPENDENCY_CONDITIONS.includes(condition)) continue;
        const meant = DEPENDENCY_CONDITIONS.find(
          (known) => known === condition.trim().toUpperCase(),
        );
        yield {
          path,
          message: `${dependency.container.label}: dependsOn condition ${show(condition)} is not one of ${DEPENDENCY_CONDITIONS.join(', ')}.`,
          ...(meant ? { fix: fix(`Use ${meant}`, [{ op: 'set', path, value: meant }]) } : {}),
        };
      }
    },
  },
  {
    id: 'depends-on-essential-target',
    severity: 'error',
    title: 'COMPLETE and SUCCESS targets must not be essential',
    docUrl: DOCS.dependsOn,
    *check(input) {
      for (const dependency of dependencies(input)) {
        const { target, condition } = dependency;
        if (!target || (condition !== 'COMPLETE' && condition !== 'SUCCESS')) continue;
        if (!target.essential) continue;
        yield {
          path: dependency.at('condition'),
          message: `${dependency.container.label} waits for ${target.label.replace(/^Container /, '')} to ${condition === 'SUCCESS' ? 'succeed' : 'complete'}, so that container must have "essential": false (an essential container that exits stops the task).`,
          fix: fix(`Make ${target.label.replace(/^Container /, '')} non-essential`, [
            { op: 'set', path: target.at('essential'), value: false },
          ]),
        };
      }
    },
  },
  {
    id: 'depends-on-healthy-without-check',
    severity: 'error',
    title: 'HEALTHY targets need a health check',
    docUrl: DOCS.dependsOn,
    *check(input) {
      for (const dependency of dependencies(input)) {
        const { target } = dependency;
        if (!target || dependency.condition !== 'HEALTHY') continue;
        if (isDoc(member(target.def, 'healthCheck'))) continue;
        yield {
          path: dependency.at('condition'),
          message: `${dependency.container.label} waits for ${target.label.replace(/^Container /, '')} to be HEALTHY, but that container has no healthCheck.`,
        };
      }
    },
  },
  {
    id: 'depends-on-cycle',
    severity: 'error',
    title: 'Containers depend on each other in a cycle',
    docUrl: DOCS.dependsOn,
    *check(input) {
      for (const { closing, names } of findCycles(input)) {
        yield {
          path: closing.at('containerName'),
          message: `Containers depend on each other in a cycle (${names.join(' → ')}); none of them can start.`,
        };
      }
    },
  },
];

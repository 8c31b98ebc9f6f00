import { FARGATE_SIZES, isValidFargatePair, nearestFargateSize } from '../fargate.js';
import { formatPath } from '../paths.js';
import {
  DOCS,
  fix,
  list,
  member,
  obj,
  present,
  show,
  str,
  type LintRule,
  type RuleInput,
  isPlaceholder,
} from './model.js';

/** What Fargate (requiresCompatibilities includes FARGATE) refuses; REFERENCE.md §5. */

export const FARGATE_LOG_DRIVERS: readonly string[] = ['awslogs', 'splunk', 'awsfirelens'];

const units = (value: number) => String(value / 1024);

/** `1 vCPU / 2 GB (1024 / 2048)`. */
export function fargateSizeTitle(size: { cpu: number; memory: number }): string {
  return `${units(size.cpu)} vCPU / ${units(size.memory)} GB (${size.cpu} / ${size.memory})`;
}

/** A Fargate rule: runs only on Fargate task definitions. */
function onFargate(rule: Omit<LintRule, 'check'> & { check: LintRule['check'] }): LintRule {
  return {
    ...rule,
    *check(input: RuleInput) {
      if (input.fargate) yield* rule.check(input);
    },
  };
}

export const fargateRules: LintRule[] = [
  onFargate({
    id: 'fargate-network-mode',
    severity: 'error',
    title: 'Fargate requires awsvpc',
    docUrl: DOCS.fargate,
    *check({ doc }) {
      const mode = member(doc, 'networkMode');
      if (mode === 'awsvpc' || isPlaceholder(mode)) return;
      yield {
        path: 'networkMode',
        message:
          mode === undefined || mode === null
            ? 'Fargate requires "networkMode": "awsvpc"; it is missing.'
            : `Fargate requires "networkMode": "awsvpc", not ${show(mode)}.`,
        fix: fix('Use awsvpc', [{ op: 'set', path: 'networkMode', value: 'awsvpc' }]),
      };
    },
  }),
  onFargate({
    id: 'fargate-invalid-size',
    severity: 'error',
    title: 'Fargate task size not supported',
    docUrl: DOCS.fargateSize,
    *check({ taskCpu, taskMemory }) {
      // A placeholder or an unreadable size is someone else's finding; do not guess around it.
      if (taskCpu.state === 'unknown' || taskMemory.state === 'unknown') return;
      const cpu = taskCpu.state === 'value' ? taskCpu.value : undefined;
      const memory = taskMemory.state === 'value' ? taskMemory.value : undefined;
      if (cpu !== undefined && memory !== undefined && isValidFargatePair(cpu, memory)) return;
      const nearest = nearestFargateSize(cpu, memory);
      const size = fix(`Use ${fargateSizeTitle(nearest)}`, [
        { op: 'set', path: 'cpu', value: String(nearest.cpu) },
        { op: 'set', path: 'memory', value: String(nearest.memory) },
      ]);
      if (cpu === undefined || memory === undefined) {
        yield {
          path: cpu === undefined ? 'cpu' : 'memory',
          message: `Fargate needs task-level cpu and memory; ${cpu === undefined ? 'cpu' : 'memory'} is missing.`,
          fix: size,
        };
      } else if (!FARGATE_SIZES.some((entry) => entry.cpu === cpu)) {
        yield {
          path: 'cpu',
          message: `Fargate has no task size with cpu ${cpu}; it offers ${FARGATE_SIZES.map((entry) => entry.cpu).join(', ')}.`,
          fix: size,
        };
      } else {
        yield {
          path: 'memory',
          message: `Fargate does not pair cpu ${cpu} with memory ${memory} MiB.`,
          fix: size,
        };
      }
    },
  }),
  onFargate({
    id: 'fargate-privileged',
    severity: 'error',
    title: 'No privileged containers on Fargate',
    docUrl: DOCS.fargate,
    *check({ containers }) {
      for (const container of containers) {
        if (member(container.def, 'privileged') !== true) continue;
        yield {
          path: container.at('privileged'),
          message: `${container.label}: Fargate does not run privileged containers.`,
          fix: fix('Remove privileged', [{ op: 'remove', path: container.at('privileged') }]),
        };
      }
    },
  }),
  onFargate({
    id: 'fargate-devices',
    severity: 'error',
    title: 'No host devices on Fargate',
    docUrl: DOCS.fargate,
    *check({ containers }) {
      for (const container of containers) {
        if (list(obj(container.def, 'linuxParameters'), 'devices').length === 0) continue;
        const path = container.at('linuxParameters', 'devices');
        yield {
          path,
          message: `${container.label}: Fargate does not expose host devices (linuxParameters.devices).`,
          fix: fix('Remove devices', [{ op: 'remove', path }]),
        };
      }
    },
  }),
  onFargate({
    id: 'fargate-host-volume',
    severity: 'error',
    title: 'No host sourcePath volumes on Fargate',
    docUrl: DOCS.bindMounts,
    *check({ volumes }) {
      for (const volume of volumes) {
        const sourcePath = str(obj(volume.def, 'host'), 'sourcePath');
        if (sourcePath === undefined || sourcePath === '') continue;
        const path = formatPath(['volumes', volume.index, 'host', 'sourcePath']);
        yield {
          path,
          message: `Volume ${show(volume.name ?? volume.index)}: Fargate has no host paths (sourcePath ${show(sourcePath)}); use a task-scoped bind mount (no sourcePath) or EFS.`,
          fix: fix('Make it a task-scoped bind mount', [{ op: 'remove', path }]),
        };
      }
    },
  }),
  onFargate({
    id: 'fargate-docker-volume',
    severity: 'error',
    title: 'No Docker volumes on Fargate',
    docUrl: DOCS.fargate,
    *check({ volumes }) {
      for (const volume of volumes) {
        if (!present(volume.def, 'dockerVolumeConfiguration')) continue;
        yield {
          path: formatPath(['volumes', volume.index, 'dockerVolumeConfiguration']),
          message: `Volume ${show(volume.name ?? volume.index)}: Fargate does not support dockerVolumeConfiguration; use a bind mount or EFS.`,
        };
      }
    },
  }),
  onFargate({
    id: 'fargate-placement-constraints',
    severity: 'error',
    title: 'No placement constraints on Fargate',
    docUrl: DOCS.fargate,
    *check({ doc }) {
      if (list(doc, 'placementConstraints').length === 0) return;
      yield {
        path: 'placementConstraints',
        message: 'Fargate does not support task placement constraints.',
        fix: fix('Remove placementConstraints', [{ op: 'remove', path: 'placementConstraints' }]),
      };
    },
  }),
  onFargate({
    id: 'fargate-ipc-mode',
    severity: 'error',
    title: 'No ipcMode on Fargate',
    docUrl: DOCS.fargate,
    *check({ doc }) {
      if (!present(doc, 'ipcMode')) return;
      yield {
        path: 'ipcMode',
        message: `Fargate does not support ipcMode (${show(member(doc, 'ipcMode'))}).`,
        fix: fix('Remove ipcMode', [{ op: 'remove', path: 'ipcMode' }]),
      };
    },
  }),
  onFargate({
    id: 'fargate-pid-mode',
    severity: 'error',
    title: 'pidMode on Fargate is task only',
    docUrl: DOCS.pidMode,
    *check({ doc }) {
      const pidMode = member(doc, 'pidMode');
      if (pidMode === undefined || pidMode === null || pidMode === 'task') return;
      if (isPlaceholder(pidMode)) return;
      yield {
        path: 'pidMode',
        message: `Fargate supports only "pidMode": "task", not ${show(pidMode)}.`,
        fix: fix('Use task', [{ op: 'set', path: 'pidMode', value: 'task' }]),
      };
    },
  }),
  onFargate({
    id: 'fargate-log-driver',
    severity: 'error',
    title: 'Fargate log drivers: awslogs, splunk, awsfirelens',
    docUrl: DOCS.logging,
    *check({ containers }) {
      for (const container of containers) {
        const driver = str(obj(container.def, 'logConfiguration'), 'logDriver');
        if (driver === undefined || isPlaceholder(driver) || FARGATE_LOG_DRIVERS.includes(driver)) {
          continue;
        }
        yield {
          path: container.at('logConfiguration', 'logDriver'),
          message: `${container.label}: Fargate supports the ${FARGATE_LOG_DRIVERS.join(', ')} log drivers, not ${show(driver)}.`,
        };
      }
    },
  }),
];

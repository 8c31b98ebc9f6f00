import { DOCS, fix, member, num, obj, show, type LintRule, isPlaceholder } from './model.js';

/** Container health checks (the API's ranges, in seconds; retries a count). */

export const HEALTH_CHECK_RANGES = [
  { key: 'interval', min: 5, max: 300, unit: ' seconds' },
  { key: 'timeout', min: 2, max: 60, unit: ' seconds' },
  { key: 'retries', min: 1, max: 10, unit: '' },
  { key: 'startPeriod', min: 0, max: 300, unit: ' seconds' },
] as const;

const COMMAND_KINDS = ['CMD', 'CMD-SHELL', 'NONE'];

export const healthRules: LintRule[] = [
  {
    id: 'health-check-command-invalid',
    severity: 'error',
    title: 'Health check command starts with CMD or CMD-SHELL',
    docUrl: DOCS.healthCheck,
    *check({ containers }) {
      for (const container of containers) {
        const healthCheck = obj(container.def, 'healthCheck');
        if (!healthCheck) continue;
        const path = container.at('healthCheck', 'command');
        const command = member(healthCheck, 'command');
        if (command === undefined || command === null) {
          yield { path, message: `${container.label}: healthCheck needs a command.` };
          continue;
        }
        // Another type is `wrong-type`; a placeholder may hold anything.
        if (!Array.isArray(command)) continue;
        const parts: readonly unknown[] = command;
        const first = parts[0];
        if (isPlaceholder(first)) continue;
        if (typeof first === 'string' && COMMAND_KINDS.includes(first)) {
          if (first !== 'NONE' && parts.length < 2) {
            yield {
              path,
              message: `${container.label}: healthCheck command ${first} has nothing to run.`,
            };
          }
          continue;
        }
        if (parts.length === 0) {
          yield { path, message: `${container.label}: healthCheck command is empty.` };
          continue;
        }
        const strings = parts.filter((part): part is string => typeof part === 'string');
        yield {
          path,
          message: `${container.label}: healthCheck command must start with "CMD" or "CMD-SHELL", not ${show(first)}.`,
          ...(strings.length === parts.length ? { fix: commandFix(path, strings) } : {}),
        };
      }
    },
  },
  {
    id: 'health-check-range',
    severity: 'error',
    title: 'Health check timings out of range',
    docUrl: DOCS.healthCheck,
    *check({ containers }) {
      for (const container of containers) {
        const healthCheck = obj(container.def, 'healthCheck');
        for (const { key, min, max, unit } of HEALTH_CHECK_RANGES) {
          const value = num(healthCheck, key);
          if (value === undefined || (value >= min && value <= max)) continue;
          const clamped = Math.round(Math.min(max, Math.max(min, value)));
          const path = container.at('healthCheck', key);
          yield {
            path,
            message: `${container.label}: healthCheck ${key} ${value} must be between ${min} and ${max}${unit}.`,
            fix: fix(`Use ${clamped}`, [{ op: 'set', path, value: clamped }]),
          };
        }
      }
    },
  },
];

/** `["curl -f …"]` and `["CMD curl -f …"]` → `["CMD-SHELL", "curl -f …"]`; several words → prefix CMD. */
function commandFix(path: string, command: string[]) {
  const [only] = command;
  if (command.length === 1 && only !== undefined) {
    // One string is a shell command line, whatever word it was written after.
    const line = /^(?:CMD-SHELL|CMD)\s+(.+)$/s.exec(only.trim())?.[1] ?? only;
    return fix('Run it with CMD-SHELL', [{ op: 'set', path, value: ['CMD-SHELL', line] }]);
  }
  return fix('Run it with CMD', [{ op: 'set', path, value: ['CMD', ...command] }]);
}

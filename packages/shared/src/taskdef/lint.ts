import { parsePath } from './paths.js';
import { containerRules } from './rules/containers.js';
import { dependsOnRules } from './rules/depends-on.js';
import { fargateRules } from './rules/fargate-rules.js';
import { healthRules } from './rules/health.js';
import { loggingRules } from './rules/logging.js';
import { memoryCpuRules } from './rules/memory-cpu.js';
import { buildRuleInput, type LintContext, type LintRule } from './rules/model.js';
import { portRules } from './rules/ports.js';
import { roleRules } from './rules/roles.js';
import { secretRules } from './rules/secrets.js';
import { securityRules } from './rules/security.js';
import { sidecarRules } from './rules/sidecars.js';
import { taskRules } from './rules/task.js';
import { volumeRules } from './rules/volumes.js';
import { wrongTypeRules } from './rules/wrong-type.js';
import type { LintFinding, PathSegment, Severity } from './types.js';

/**
 * The task-definition linter (REFERENCE.md §5): every rule AWS enforces on register is an error,
 * every setting that registers and then fails or is unsafe a warning. The rule list is the
 * linter; it runs on every keystroke in the editor, so each rule is one linear pass.
 */

export type { LintContext, LintRule, RuleFinding, RuleInput } from './rules/model.js';

const NOT_AN_OBJECT = 'not-an-object';

export const LINT_RULES: readonly LintRule[] = [
  ...taskRules,
  ...wrongTypeRules,
  ...containerRules,
  ...fargateRules,
  ...memoryCpuRules,
  ...portRules,
  ...loggingRules,
  ...roleRules,
  ...secretRules,
  ...healthRules,
  ...dependsOnRules,
  ...volumeRules,
  ...securityRules,
  ...sidecarRules,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareSegments(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const left = a[i];
    const right = b[i];
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    if (typeof left === 'number') return -1;
    if (typeof right === 'number') return 1;
    return String(left) < String(right) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Lints a RegisterTaskDefinition input. Never throws, whatever the input: a non-object is one
 * `not-an-object` error. Findings come errors first, then warnings, then info; within a
 * severity by path (array indexes in numeric order), then in rule order.
 */
export function lintTaskDefinition(input: unknown, context: LintContext = {}): LintFinding[] {
  const findings: { finding: LintFinding; segments: PathSegment[] }[] = [];
  let ruleInput;
  try {
    ruleInput = buildRuleInput(input, context ?? {});
  } catch {
    // Only an exotic object (a throwing getter, a revoked proxy) gets here; JSON never does.
    ruleInput = buildRuleInput(undefined, {});
  }
  for (const rule of LINT_RULES) {
    if (!ruleInput.isObject && rule.id !== NOT_AN_OBJECT) continue;
    try {
      for (const { severity, path, message, fix } of rule.check(ruleInput)) {
        findings.push({
          finding: {
            ruleId: rule.id,
            severity: severity ?? rule.severity,
            path,
            message,
            docUrl: rule.docUrl,
            ...(fix ? { fix } : {}),
          },
          segments: parsePath(path) ?? [path],
        });
      }
    } catch {
      // A rule must never take the editor down: a rule that trips on some input says nothing.
    }
  }
  findings.sort(
    (a, b) =>
      RANK[a.finding.severity] - RANK[b.finding.severity] ||
      compareSegments(a.segments, b.segments),
  );
  return findings.map(({ finding }) => finding);
}

/** Whether AWS would reject the task definition (any error finding). */
export function hasLintErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

import { invalidEcrParameter } from './errors.js';

const TAG_STATUSES = new Set(['tagged', 'untagged', 'any']);
const COUNT_TYPES = new Set(['imageCountMoreThan', 'sinceImagePushed']);

const failure = (reason: string) =>
  invalidEcrParameter('LifecyclePolicyText', `Lifecycle policy validation failure: ${reason}`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');

/**
 * Checks a lifecycle policy as PutLifecyclePolicy does: 100–30,720 characters of JSON with
 * rules whose priorities are unique, whose selections are complete, and where an `any` rule
 * comes last (it must have the highest rulePriority).
 */
export function validateLifecyclePolicy(text: string): void {
  if (text.length < 100 || text.length > 30_720)
    throw invalidEcrParameter(
      'LifecyclePolicyText',
      'Member must have length between 100 and 30720',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw failure('Could not parse the policy text as JSON.');
  }
  if (!isObject(parsed) || !Array.isArray(parsed.rules) || parsed.rules.length === 0)
    throw failure('The policy must contain a non-empty "rules" array.');
  const priorities = new Set<number>();
  let anyPriority: number | undefined;
  let highest = 0;
  for (const rule of parsed.rules as unknown[]) {
    if (!isObject(rule)) throw failure('Each rule must be an object.');
    const priority = rule.rulePriority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1)
      throw failure('rulePriority must be a positive integer.');
    if (priorities.has(priority)) throw failure(`rulePriority ${priority} is used more than once.`);
    priorities.add(priority);
    highest = Math.max(highest, priority);
    validateSelection(rule.selection);
    if (!isObject(rule.action) || rule.action.type !== 'expire')
      throw failure('action.type must be "expire".');
    if (isObject(rule.selection) && rule.selection.tagStatus === 'any') anyPriority = priority;
  }
  if (anyPriority !== undefined && anyPriority !== highest)
    throw failure('The rule with tagStatus "any" must have the highest rulePriority.');
}

function validateSelection(selection: unknown): void {
  if (!isObject(selection)) throw failure('Each rule needs a selection.');
  const { tagStatus, countType, countUnit, countNumber, tagPrefixList, tagPatternList } = selection;
  if (typeof tagStatus !== 'string' || !TAG_STATUSES.has(tagStatus))
    throw failure('tagStatus must be one of tagged, untagged, any.');
  if (tagStatus === 'tagged' && !isStringList(tagPrefixList) && !isStringList(tagPatternList))
    throw failure('A tagged selection needs a tagPrefixList or a tagPatternList.');
  if (tagPrefixList !== undefined && tagPatternList !== undefined)
    throw failure('tagPrefixList and tagPatternList cannot be used together.');
  if (typeof countType !== 'string' || !COUNT_TYPES.has(countType))
    throw failure('countType must be imageCountMoreThan or sinceImagePushed.');
  if (countType === 'sinceImagePushed' && countUnit !== 'days')
    throw failure('countUnit must be "days" with sinceImagePushed.');
  if (countType === 'imageCountMoreThan' && countUnit !== undefined)
    throw failure('countUnit is not allowed with imageCountMoreThan.');
  if (typeof countNumber !== 'number' || !Number.isInteger(countNumber) || countNumber < 1)
    throw failure('countNumber must be a positive integer.');
}

/**
 * A small evaluator for ECS's cluster query language, as memberOf placement constraints use it:
 * `attribute:ecs.instance-type == t3.medium`, `attribute:ecs.availability-zone in [us-east-1a,
 * us-east-1b]`, `attribute:ecs.instance-type =~ m5.*`, `ec2InstanceId != i-0abc`, `not(…)`,
 * `… and …`, `… or …`. What it cannot read is refused up front, as AWS refuses a bad expression.
 */
export type Attributes = ReadonlyMap<string, string | undefined>;

type Predicate = (attributes: Attributes) => boolean;

const COMPARISON =
  /^\s*((?:attribute:)?[A-Za-z0-9_.:-]+)\s*(==|!=|=~|!~|not_in|not in|in|exists)\s*(.*?)\s*$/i;

export class ExpressionError extends Error {}

export function compileExpression(expression: string): Predicate {
  const text = expression.trim();
  if (text.length === 0 || text.length > 2000) throw new ExpressionError('empty expression');
  const or = splitTop(text, ' or ');
  if (or.length > 1) {
    const parts = or.map(compileExpression);
    return (attributes) => parts.some((part) => part(attributes));
  }
  const and = splitTop(text, ' and ');
  if (and.length > 1) {
    const parts = and.map(compileExpression);
    return (attributes) => parts.every((part) => part(attributes));
  }
  const negated = /^not\s*\((.*)\)$/i.exec(text);
  if (negated) {
    const inner = compileExpression(negated[1] ?? '');
    return (attributes) => !inner(attributes);
  }
  if (text.startsWith('(') && text.endsWith(')')) return compileExpression(text.slice(1, -1));
  return comparison(text);
}

function comparison(text: string): Predicate {
  const match = COMPARISON.exec(text);
  if (!match) throw new ExpressionError(`cannot read ${text}`);
  const [, subject = '', rawOperator = '', rawValue = ''] = match;
  const name = subject.startsWith('attribute:') ? subject.slice('attribute:'.length) : subject;
  const operator = rawOperator.toLowerCase().replace(' ', '_');
  const value = unquote(rawValue);
  const read = (attributes: Attributes) => attributes.get(name);
  switch (operator) {
    case 'exists':
      return (attributes) => attributes.has(name);
    case '==':
      return (attributes) => read(attributes) === value;
    case '!=':
      return (attributes) => read(attributes) !== value;
    case '=~':
    case '!~': {
      const pattern = wildcard(value);
      const wanted = operator === '=~';
      return (attributes) => pattern.test(read(attributes) ?? '') === wanted;
    }
    case 'in':
    case 'not_in': {
      if (!rawValue.startsWith('[') || !rawValue.endsWith(']'))
        throw new ExpressionError(`${operator} needs a [list]`);
      const values = new Set(rawValue.slice(1, -1).split(',').map(unquote));
      const wanted = operator === 'in';
      return (attributes) => values.has(read(attributes) ?? '') === wanted;
    }
    default:
      throw new ExpressionError(`unknown operator ${operator}`);
  }
}

function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const lower = text.toLowerCase();
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (depth === 0 && lower.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unquote = (value: string) => value.trim().replace(/^['"]|['"]$/g, '');

const wildcard = (value: string) =>
  new RegExp(`^${value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

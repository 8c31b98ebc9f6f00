import type { AnnotationValue, TraceFacts } from './analysis.js';
import {
  parseFilter,
  type Comparison,
  type FilterNode,
  type StringOperator,
} from './filter-parser.js';

export type TraceFilter = (facts: TraceFacts) => boolean;

function compareNumbers(actual: number | undefined, op: Comparison, expected: number): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

function compareStrings(actual: string | undefined, op: StringOperator, expected: string): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'CONTAINS':
      return actual.includes(expected);
    case 'BEGINSWITH':
      return actual.startsWith(expected);
    case 'ENDSWITH':
      return actual.endsWith(expected);
  }
}

function compareAnnotation(
  actual: AnnotationValue,
  op: Comparison | StringOperator,
  expected: AnnotationValue,
): boolean {
  if (typeof actual !== typeof expected) return op === '!=';
  if (typeof actual === 'number' && typeof expected === 'number')
    return compareNumbers(actual, op as Comparison, expected);
  if (typeof actual === 'string' && typeof expected === 'string')
    return compareStrings(actual, op as StringOperator, expected);
  return op === '=' ? actual === expected : actual !== expected;
}

/** Evaluates a parsed filter against a trace's facts. */
export function evaluate(node: FilterNode, facts: TraceFacts): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, facts) && evaluate(node.right, facts);
    case 'or':
      return evaluate(node.left, facts) || evaluate(node.right, facts);
    case 'not':
      return !evaluate(node.operand, facts);
    case 'service':
      return facts.services.some((service) => service.name === node.name);
    case 'edge':
      return facts.edgeSamples.some(
        (edge) => edge.from.name === node.from && edge.to.name === node.to,
      );
    case 'flag':
      // The same flags the summary reports, so `fault` finds exactly the traces with HasFault.
      return {
        ok: facts.ok,
        error: facts.hasError,
        fault: facts.hasFault,
        throttle: facts.hasThrottle,
        partial: facts.isPartial,
      }[node.keyword];
    case 'number':
      return compareNumbers(
        {
          responsetime: facts.responseTime,
          duration: facts.duration,
          'http.status': facts.http.status,
        }[node.keyword],
        node.op,
        node.value,
      );
    case 'string':
      if (node.keyword === 'user')
        return facts.users.some((user) => compareStrings(user.name, node.op, node.value));
      return compareStrings(
        {
          'http.url': facts.http.url,
          'http.method': facts.http.method,
          'http.useragent': facts.http.userAgent,
          'http.clientip': facts.http.clientIp,
        }[node.keyword],
        node.op,
        node.value,
      );
    case 'annotation':
      return facts.annotations.some(
        (annotation) =>
          annotation.key === node.key && compareAnnotation(annotation.value, node.op, node.value),
      );
  }
}

/** Parses a FilterExpression into a predicate; an empty or absent one matches every trace. */
export function compileFilter(source: string | undefined): TraceFilter {
  if (source === undefined || source.trim() === '') return () => true;
  const node = parseFilter(source);
  return (facts) => evaluate(node, facts);
}

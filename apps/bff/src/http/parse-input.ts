import type { z } from 'zod';
import { InputError } from './errors.js';

/** Parses one request input (a path parameter, the query) with its shared schema: a failure is a 400 naming it, before any AWS call. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? ` ${issue.path.join('.')}` : '';
    throw new InputError(`${what}${field}: ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}

import { z } from 'zod';
import { LintFinding } from '../taskdef/types.js';

/** Error codes the BFF answers with; each maps to one HTTP status in the error middleware. */
export const ErrorCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'lint_failed',
  'confirmation_required',
  'throttled',
  'unavailable',
  'upstream_timeout',
  'aws_throttled',
  'aws_unavailable',
  'aws_access_denied',
  'aws_timeout',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error body of the BFF: `{"error":{"code","message","requestId"}}`. Never a stack. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    requestId: z.string(),
    /** With `lint_failed`: what the task-definition lint found (errors and the rest). */
    findings: z.array(LintFinding).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

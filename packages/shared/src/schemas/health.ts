import { z } from 'zod';

export const Mode = z.enum(['simulator', 'aws']);
export type Mode = z.infer<typeof Mode>;

/** `GET /api/v1/health`. */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  mode: Mode,
  region: z.string(),
  regions: z.array(z.string()),
  readOnly: z.boolean(),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

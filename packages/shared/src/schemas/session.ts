import { z } from 'zod';

/** `GET/POST/DELETE /api/v1/session`: whether an access token is required and whether this browser has signed in. */
export const SessionResponse = z.object({
  required: z.boolean(),
  authenticated: z.boolean(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const LoginRequest = z.object({ token: z.string().min(1).max(1024) });
export type LoginRequest = z.infer<typeof LoginRequest>;

import { ApiError } from './api-client';
import { useCallback, useState } from 'react';

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, so build one otherwise. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One idempotency key per intent (a dialog opening, a form's next submit): a double submit or a
 * retry after a lost answer reuses it, so the BFF performs the action once. `renew` starts the
 * next intent; `renewIfAnswered` does so after a failure only when the server answered (a retry
 * with the spent key would just get the same refusal back).
 */
export function useIdempotencyKey(): {
  key: string;
  renew: () => void;
  renewIfAnswered: (error: unknown) => void;
} {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  const renewIfAnswered = useCallback(
    (error: unknown) => {
      if (serverAnswered(error)) renew();
    },
    [renew],
  );
  return { key, renew, renewIfAnswered };
}

/**
 * Whether the server answered a failed request (so its idempotency key is spent: a repeat would
 * get the same answer back), as opposed to a network failure where the request may not have
 * arrived and a retry must reuse the key.
 */
export function serverAnswered(error: unknown): boolean {
  return error instanceof ApiError && error.status !== 0;
}

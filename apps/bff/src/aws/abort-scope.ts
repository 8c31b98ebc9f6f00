import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The browser request an AWS read is made for, and the shared load it is part of, travel as
 * async context rather than as parameters through every reader:
 * - `requestSignal`: set per API request; fires when the browser goes away.
 * - `loadSignal`: set per shared cache load; fires when every request waiting on it went away.
 * The SDK clients check `loadSignal` before every attempt, so an abandoned load stops paging
 * and batching instead of spending AWS calls no one will read.
 */
export const requestSignal = new AsyncLocalStorage<AbortSignal>();
export const loadSignal = new AsyncLocalStorage<AbortSignal>();

export function abortError(): Error {
  return Object.assign(new Error('The request was abandoned by its client.'), {
    name: 'AbortError',
  });
}

/** Rejects when the signal fires; otherwise follows the promise. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

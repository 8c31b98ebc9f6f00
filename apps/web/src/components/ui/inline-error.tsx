import { ApiError } from '../../lib/api-client';

/** A failed action's message where the action is, as the server worded it (AWS's own words). */
export function InlineError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'The action failed.';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800"
    >
      {message}
      {requestId && (
        <span className="ml-2 font-mono text-xs text-red-600 dark:text-red-300">({requestId})</span>
      )}
    </p>
  );
}

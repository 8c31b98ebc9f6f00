import { ApiError } from '../../lib/api-client';

/** An inline error that says what failed and offers a retry; never a blank page. */
export function ErrorPanel({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const message = error instanceof Error ? error.message : 'Unknown error.';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      {requestId && (
        <p className="mt-1 font-mono text-xs text-red-700 dark:text-red-300">
          request id {requestId}
        </p>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-md bg-white px-3 py-1 font-medium text-red-900 ring-1 ring-red-300 hover:bg-red-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:bg-red-900 dark:text-red-50 dark:ring-red-700"
        >
          Try again
        </button>
      )}
    </div>
  );
}

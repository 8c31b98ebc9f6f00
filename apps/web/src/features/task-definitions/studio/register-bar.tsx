import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { InlineError } from '../../../components/ui/inline-error';
import { ApiError } from '../../../lib/api-client';
import { MUTED } from '../../../components/ui/styles';

/**
 * The Register button and why it cannot be pressed (read-only mode, a syntax error, lint errors:
 * "Fix N errors first" takes the user to them), with AWS's refusal in its own words below it.
 */
export function RegisterBar({
  readOnly,
  parses,
  errorCount,
  pending,
  error,
  onRegister,
  onShowErrors,
}: {
  readOnly: boolean;
  parses: boolean;
  errorCount: number;
  pending: boolean;
  error: unknown;
  onRegister: () => void;
  onShowErrors: () => void;
}) {
  const reasonId = useId();
  const reason = readOnly
    ? 'Deckhand is in read-only mode: registering is turned off.'
    : !parses
      ? 'Fix the JSON syntax error first.'
      : undefined;
  const blocked = reason !== undefined || errorCount > 0;
  const lintRefused = error instanceof ApiError && error.code === 'lint_failed';

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="primary"
        disabled={blocked || pending}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={onRegister}
      >
        {pending ? 'Registering…' : 'Register'}
      </Button>
      {reason !== undefined ? (
        <p id={reasonId} className={`text-xs ${MUTED}`}>
          {reason}
        </p>
      ) : errorCount > 0 ? (
        <button
          id={reasonId}
          type="button"
          onClick={onShowErrors}
          className="text-xs font-medium text-red-700 hover:underline dark:text-red-300"
        >
          Fix {errorCount} {errorCount === 1 ? 'error' : 'errors'} first
        </button>
      ) : null}
      {lintRefused ? (
        <p role="alert" className="max-w-md text-right text-xs text-red-700 dark:text-red-300">
          The server’s check refused the revision: see “Refused by the server” in the lint panel.
        </p>
      ) : (
        <div className="max-w-md">
          <InlineError error={error} />
        </div>
      )}
    </div>
  );
}

import type { TraceSpan } from '@deckhand/shared';
import { MUTED } from '../../../components/ui/styles';

/** The span's exceptions (`cause.exceptions[]`) with their stack frames. */
export function SpanCause({ cause }: { cause: NonNullable<TraceSpan['cause']> }) {
  return (
    <div>
      <h3 className={`mb-1 text-xs font-medium tracking-wide uppercase ${MUTED}`}>Exceptions</h3>
      {cause.exceptionId && (
        <p className="text-sm">
          Exception <span className="font-mono text-xs">{cause.exceptionId}</span>, recorded on
          another span
        </p>
      )}
      {cause.workingDirectory && (
        <p className={`text-xs ${MUTED}`}>
          in <span className="font-mono">{cause.workingDirectory}</span>
        </p>
      )}
      <ul aria-label="Exceptions" className="space-y-2">
        {cause.exceptions.map((exception, index) => (
          <li key={exception.id ?? index} className="text-sm">
            <p className="font-medium text-red-800 dark:text-red-300">
              {exception.type ? `${exception.type}: ` : ''}
              {exception.message ?? 'no message'}
              {exception.remote ? ' (remote)' : ''}
            </p>
            {exception.stack.length > 0 && (
              <ol aria-label="Stack frames" className={`font-mono text-xs ${MUTED}`}>
                {exception.stack.map((frame, frameIndex) => (
                  <li key={frameIndex}>
                    at {frame.label ?? '?'} ({frame.path ?? '?'}:{frame.line ?? '?'})
                  </li>
                ))}
                {exception.truncated ? <li>… {exception.truncated} more frames</li> : null}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Fragment } from 'react';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { SHORTCUT_HELP } from '../../lib/shortcuts';

function Keys({ keys }: { keys: string[][] }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      {keys.map((sequence, alternative) => (
        <Fragment key={sequence.join(' ')}>
          {alternative > 0 && (
            <span className="text-xs text-slate-500 dark:text-slate-400">or</span>
          )}
          {sequence.map((key, step) => (
            <Fragment key={`${key}-${step}`}>
              {step > 0 && <span className="text-xs text-slate-500 dark:text-slate-400">then</span>}
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
                {key}
              </kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** Every keyboard shortcut of the console (opened with `?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        {SHORTCUT_HELP.map(({ keys, description }) => (
          <div key={description} className="flex items-center justify-between gap-4 py-1.5">
            <dt className="text-slate-700 dark:text-slate-300">{description}</dt>
            <dd>
              <Keys keys={keys} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Single keys are ignored while you type in a field.
      </p>
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}

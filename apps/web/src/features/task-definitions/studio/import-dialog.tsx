import type { ConversionNote, JsonObject } from '@deckhand/shared/taskdef';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { INPUT, MUTED } from '../../../components/ui/styles';
import { ConversionNotes } from './conversion-notes';
import { analyseImport } from './lib/import-text';
import { readFileText } from './lib/read-file';

export interface ImportedDraft {
  taskDefinition: JsonObject;
  notes: ConversionNote[];
}

/**
 * Import by paste or file: a task definition in any of the shapes people keep them in, or a
 * Dockerrun.aws.json v2 file (converted). Shows what the import did and any error before the
 * user replaces the draft with it.
 */
export function ImportDialog({
  initialText = '',
  family,
  onReplace,
  onClose,
}: {
  initialText?: string;
  family?: string | undefined;
  onReplace: (imported: ImportedDraft) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState(initialText);
  const [fileError, setFileError] = useState<string>();
  const deferred = useDeferredValue(text);
  const analysis = useMemo(
    () => (deferred.trim() === '' ? undefined : analyseImport(deferred, family ? { family } : {})),
    [deferred, family],
  );
  const current = deferred === text ? analysis : undefined;
  const errorId = useId();

  return (
    <Dialog title="Import a task definition" onClose={onClose} size="xl">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (current?.ok)
            onReplace({ taskDefinition: current.taskDefinition, notes: current.notes });
        }}
      >
        <p className={MUTED}>
          Paste a task definition (register input, or describe output with its read-only members), a
          containerDefinitions array, or a Dockerrun.aws.json v2 file — or drop a file on the
          studio.
        </p>
        <textarea
          aria-label="Task definition or Dockerrun.aws.json to import"
          aria-describedby={current && !current.ok ? errorId : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={16}
          spellCheck={false}
          className={`${INPUT} w-full font-mono text-xs`}
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Or choose a file
          <input
            type="file"
            accept=".json,application/json,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              readFileText(file).then(
                (content) => {
                  setFileError(undefined);
                  setText(content);
                },
                () => setFileError(`${file.name} could not be read.`),
              );
            }}
            className="text-sm font-normal"
          />
        </label>
        {fileError && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {fileError}
          </p>
        )}
        {current && (
          <div className="space-y-2" aria-live="polite">
            <p className="font-medium">
              {current.kind === 'dockerrun'
                ? 'Elastic Beanstalk Dockerrun.aws.json: converted to an EC2 task definition (bridge network).'
                : 'Task definition.'}
            </p>
            {!current.ok && (
              <p
                id={errorId}
                role="alert"
                className="rounded-md bg-red-50 px-3 py-2 text-red-800 ring-1 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800"
              >
                {current.error}
              </p>
            )}
            <ConversionNotes notes={current.notes} label="What the import did" />
          </div>
        )}
        <DialogActions
          onCancel={onClose}
          submitLabel="Replace draft"
          variant="primary"
          disabled={!current?.ok}
        />
      </form>
    </Dialog>
  );
}

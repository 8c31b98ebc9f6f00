import { taskDefinitionToDockerrun, type JsonObject } from '@deckhand/shared/taskdef';
import { useMemo } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Dialog } from '../../../components/ui/dialog';
import { ConversionNotes } from './conversion-notes';

const FILE_NAME = 'Dockerrun.aws.json';

/** Saves `text` as a file through a short-lived Blob link. */
function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = FILE_NAME;
  link.click();
  // The click has started the download; the URL is not needed past this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The draft as an Elastic Beanstalk Dockerrun.aws.json v2, with what the conversion dropped. */
export function ExportDockerrunDialog({
  document,
  onClose,
}: {
  document: JsonObject;
  onClose: () => void;
}) {
  const result = useMemo(() => taskDefinitionToDockerrun(document), [document]);
  const text = result.ok ? `${JSON.stringify(result.dockerrun, null, 2)}\n` : '';

  return (
    <Dialog title="Export Dockerrun.aws.json" onClose={onClose} size="xl">
      {result.ok ? (
        <>
          <pre
            aria-label="Dockerrun.aws.json"
            className="max-h-72 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950"
          >
            {text}
          </pre>
          <ConversionNotes notes={result.notes} label="What the export changed" />
        </>
      ) : (
        <>
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-red-800 ring-1 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800"
          >
            {result.error}
          </p>
          <ConversionNotes notes={result.notes} label="What the export found" />
        </>
      )}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {result.ok && (
          <>
            <CopyButton value={text} label={FILE_NAME} />
            <Button onClick={() => download(text)}>Download {FILE_NAME}</Button>
          </>
        )}
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

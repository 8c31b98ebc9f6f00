import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { readFileText } from './lib/read-file';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Drag-and-drop of a file anywhere on the studio: a visible overlay while a file is over it, and
 * the dropped file's text handed on. Runs in the capture phase so the JSON editor does not paste
 * the file into the text itself.
 */
export function DropZone({
  onText,
  onError,
  children,
  className = '',
}: {
  onText: (text: string) => void;
  onError: (message: string) => void;
  children: ReactNode;
  className?: string;
}) {
  const [over, setOver] = useState(false);
  /** dragenter/dragleave fire for every child crossed; count to know when the file left. */
  const depth = useRef(0);

  return (
    <div
      className={`relative ${className}`}
      onDragEnterCapture={(event) => {
        if (!hasFiles(event)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOverCapture={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeaveCapture={(event) => {
        if (!hasFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDropCapture={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        depth.current = 0;
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (!file) return;
        readFileText(file).then(onText, () => onError(`${file.name} could not be read.`));
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-30 flex items-center justify-center rounded-lg border-4 border-dashed border-sky-500 bg-sky-50/90 text-lg font-medium text-sky-900 dark:bg-sky-950/90 dark:text-sky-100">
          Drop a task definition or Dockerrun.aws.json to import it
        </div>
      )}
    </div>
  );
}

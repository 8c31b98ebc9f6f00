import { requiredConfirmation, type Task } from '@deckhand/shared';
import { useState } from 'react';
import { ConfirmWordField } from '../../../components/ui/confirm-word-field';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { InlineError } from '../../../components/ui/inline-error';
import { useIdempotencyKey } from '../../../lib/idempotency-key';
import type { ClusterScope } from '../api/ecs-keys';
import { useStopTask } from '../api/use-stop-task';
import { shortId } from '../lib/describe-event';

/** Stops one task: a reason (kept in its stoppedReason) and its id typed as confirmation. */
export function StopTaskDialog({
  scope,
  task,
  onClose,
}: {
  scope: ClusterScope;
  task: Task;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('Stopped from Deckhand');
  const [typed, setTyped] = useState('');
  // One key per opening of the dialog: a double click stops once.
  const { key, renewIfAnswered } = useIdempotencyKey();
  const stop = useStopTask(scope);
  const word = requiredConfirmation({ action: 'stop-task', task: task.id }) ?? task.id;
  const ready = typed === word && reason.trim() !== '' && !stop.isPending;

  return (
    <Dialog title={`Stop task ${shortId(task.id)}?`} onClose={onClose}>
      <p className="text-slate-600 dark:text-slate-300">
        A service replaces a stopped task with a new one; a standalone task is gone.
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          stop.mutate(
            { task: task.id, reason: reason.trim(), confirm: typed, idempotencyKey: key },
            { onSuccess: onClose, onError: renewIfAnswered },
          );
        }}
      >
        <label className="block">
          <span className="block text-slate-700 dark:text-slate-300">Reason</span>
          <input
            value={reason}
            maxLength={255}
            onChange={(event) => setReason(event.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
        <ConfirmWordField word={word} value={typed} onChange={setTyped} />
        <InlineError error={stop.error} />
        <DialogActions
          onCancel={onClose}
          submitLabel="Confirm stop"
          variant="danger"
          disabled={!ready}
        />
      </form>
    </Dialog>
  );
}

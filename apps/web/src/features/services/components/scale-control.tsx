import {
  MAX_DESIRED_COUNT,
  requiredConfirmation,
  type DeploymentConfiguration,
} from '@deckhand/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmWordField } from '../../../components/ui/confirm-word-field';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { InlineError } from '../../../components/ui/inline-error';
import { useIdempotencyKey } from '../../../lib/idempotency-key';
import type { ServiceScope } from '../api/ecs-keys';
import { useScaleService } from '../api/use-scale-service';
import { scalePreview } from '../lib/action-preview';

type ScaleMutation = ReturnType<typeof useScaleService>;

/** Scaling to 0 stops every task: the user types the service name first. */
function ScaleToZeroDialog({
  service,
  from,
  scale,
  onDone,
  onClose,
}: {
  service: string;
  from: number;
  scale: ScaleMutation;
  onDone: (answer: { service: { desiredCount: number } }) => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  // One key per opening of the dialog: a double click scales once.
  const { key, renewIfAnswered } = useIdempotencyKey();
  const confirmed = typed === service;
  return (
    <Dialog title={`Scale ${service} to 0 tasks?`} onClose={onClose}>
      <p className="text-slate-600 dark:text-slate-300">
        {scalePreview(from, 0, undefined)} None will start until the service is scaled up again.
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmed) return;
          scale.mutate(
            { desiredCount: 0, confirm: typed, idempotencyKey: key },
            { onSuccess: onDone, onError: renewIfAnswered },
          );
        }}
      >
        <ConfirmWordField word={service} value={typed} onChange={setTyped} />
        <InlineError error={scale.error} />
        <DialogActions
          onCancel={onClose}
          submitLabel="Set desired count to 0"
          variant="danger"
          disabled={!confirmed || scale.isPending}
        />
      </form>
    </Dialog>
  );
}

/**
 * The desired count of a service: a number, a preview of what changing it does, and a Scale
 * button; 0 asks for the name first. `onScaled` hears the count ECS accepted.
 */
export function ScaleControl({
  scope,
  desiredCount,
  deploymentConfiguration,
  onScaled,
}: {
  scope: ServiceScope;
  desiredCount: number;
  deploymentConfiguration?: DeploymentConfiguration | undefined;
  onScaled?: (desiredCount: number) => void;
}) {
  // null: follow the service's desired count as it changes live.
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { key, renew, renewIfAnswered } = useIdempotencyKey();
  const scale = useScaleService(scope);
  const value = draft ?? String(desiredCount);
  const count = Number(value);
  const valid =
    value.trim() !== '' && Number.isInteger(count) && count >= 0 && count <= MAX_DESIRED_COUNT;

  const done = (answer: { service: { desiredCount: number } }) => {
    onScaled?.(answer.service.desiredCount);
    setDraft(null);
    setConfirming(false);
    renew();
  };

  return (
    <div className="space-y-2">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid || scale.isPending) return;
          scale.reset();
          const action = { action: 'scale', service: scope.service, desiredCount: count } as const;
          if (requiredConfirmation(action) !== undefined) {
            setConfirming(true);
            return;
          }
          scale.mutate(
            { desiredCount: count, idempotencyKey: key },
            { onSuccess: done, onError: renewIfAnswered },
          );
        }}
      >
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-600 dark:text-slate-300">
            Desired count
          </span>
          <input
            type="number"
            min={0}
            max={MAX_DESIRED_COUNT}
            step={1}
            value={value}
            onChange={(event) => setDraft(event.target.value)}
            aria-invalid={!valid}
            aria-describedby="scale-preview"
            className="mt-1 w-28 rounded-md border border-slate-300 bg-white px-3 py-1.5 tabular-nums outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
        <Button type="submit" variant="primary" disabled={!valid || scale.isPending}>
          Scale
        </Button>
      </form>
      <output
        id="scale-preview"
        aria-label="Scale preview"
        className="block max-w-md text-xs text-slate-700 dark:text-slate-300"
      >
        {valid && count !== desiredCount
          ? scalePreview(desiredCount, count, deploymentConfiguration)
          : ''}
      </output>
      {!valid && (
        <p className="text-xs text-red-700 dark:text-red-300">
          A whole number from 0 to {MAX_DESIRED_COUNT}.
        </p>
      )}
      {!confirming && <InlineError error={scale.error} />}
      {confirming && (
        <ScaleToZeroDialog
          service={scope.service}
          from={desiredCount}
          scale={scale}
          onDone={done}
          onClose={() => {
            scale.reset();
            setConfirming(false);
          }}
        />
      )}
    </div>
  );
}

import { TaskDefinitionReference, type DeploymentConfiguration } from '@deckhand/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { InlineError } from '../../../components/ui/inline-error';
import { useIdempotencyKey } from '../../../lib/idempotency-key';
import type { ServiceScope } from '../api/ecs-keys';
import { useDeployService } from '../api/use-deploy-service';
import { deployPreview } from '../lib/action-preview';

const FIELD =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800';

interface DeployProps {
  scope: ServiceScope;
  /** `family:revision` of the primary deployment. */
  current: string;
  desiredCount: number;
  deploymentConfiguration?: DeploymentConfiguration | undefined;
}

function DeployDialog({
  scope,
  current,
  desiredCount,
  deploymentConfiguration,
  onClose,
}: DeployProps & { onClose: () => void }) {
  const [taskDefinition, setTaskDefinition] = useState('');
  const [force, setForce] = useState(true);
  // One key per opening of the dialog: a double click deploys once.
  const { key, renewIfAnswered } = useIdempotencyKey();
  const deploy = useDeployService(scope);
  const reference = taskDefinition.trim();
  const invalid = reference !== '' && !TaskDefinitionReference.safeParse(reference).success;
  const ready = !invalid && (reference !== '' || force) && !deploy.isPending;

  return (
    <Dialog title={`Deploy ${scope.service}`} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          deploy.mutate(
            {
              ...(reference ? { taskDefinition: reference } : {}),
              forceNewDeployment: force,
              idempotencyKey: key,
            },
            { onSuccess: onClose, onError: renewIfAnswered },
          );
        }}
      >
        <label className="block">
          <span className="block text-slate-700 dark:text-slate-300">
            Task definition (family:revision)
          </span>
          <input
            value={taskDefinition}
            onChange={(event) => setTaskDefinition(event.target.value)}
            aria-invalid={invalid}
            aria-describedby="deploy-revision-hint"
            autoComplete="off"
            spellCheck={false}
            className={FIELD}
          />
          <span
            id="deploy-revision-hint"
            className="mt-1 block text-xs text-slate-600 dark:text-slate-400"
          >
            {invalid
              ? 'Use family, family:revision or a task definition ARN.'
              : `Leave empty to redeploy ${current}.`}
          </span>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={force}
            onChange={(event) => setForce(event.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          Force new deployment (replace every task, e.g. to pull a moved image tag)
        </label>
        <output
          aria-label="Deployment preview"
          className="block rounded-md bg-slate-50 px-3 py-2 text-slate-800 dark:bg-slate-800 dark:text-slate-200"
        >
          {invalid
            ? 'Not a task definition reference.'
            : deployPreview({
                current,
                next: reference || undefined,
                force,
                desiredCount,
                config: deploymentConfiguration,
              })}
        </output>
        <InlineError error={deploy.error} />
        <DialogActions
          onCancel={onClose}
          submitLabel="Start deployment"
          variant="primary"
          disabled={!ready}
        />
      </form>
    </Dialog>
  );
}

/**
 * Starts a rolling deployment: a new revision, or fresh tasks of the current one, with a preview
 * of what the rollout will do before it is confirmed.
 */
export function DeployControl(props: DeployProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Deploy</Button>
      {open && <DeployDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

import { requiredConfirmation, type ContainerInstance } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmWordField } from '../../../components/ui/confirm-word-field';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { QueryError } from '../../../components/ui/query-error';
import { InlineError } from '../../../components/ui/inline-error';
import { PANEL } from '../../../components/ui/styles';
import { useIdempotencyKey } from '../../../lib/idempotency-key';
import { instancesQueryOptions } from '../api/cluster-queries';
import type { ClusterScope } from '../api/ecs-keys';
import { useSetInstanceState } from '../api/use-set-instance-state';
import { InstancesTable } from './instances-table';
import { DescribeFailures } from '../../../components/ui/describe-failures';

/** Draining moves every task off the instance: the user types its id first. */
function DrainDialog({
  scope,
  instance,
  onClose,
}: {
  scope: ClusterScope;
  instance: ContainerInstance;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  // One key per opening of the dialog: a double click drains once.
  const { key, renewIfAnswered } = useIdempotencyKey();
  const drain = useSetInstanceState(scope);
  const action = {
    action: 'instance-state',
    containerInstance: instance.id,
    status: 'DRAINING',
  } as const;
  const word = requiredConfirmation(action) ?? instance.id;
  const ready = typed === word && !drain.isPending;
  return (
    <Dialog title={`Drain ${instance.ec2InstanceId}?`} onClose={onClose}>
      <p className="text-slate-600 dark:text-slate-300">
        ECS stops placing tasks on the instance and moves its service tasks elsewhere (
        {instance.runningTasksCount} running).
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          drain.mutate(
            { instance: instance.id, status: 'DRAINING', confirm: typed, idempotencyKey: key },
            { onSuccess: onClose, onError: renewIfAnswered },
          );
        }}
      >
        <ConfirmWordField word={word} value={typed} onChange={setTyped} />
        <InlineError error={drain.error} />
        <DialogActions
          onCancel={onClose}
          submitLabel="Confirm drain"
          variant="danger"
          disabled={!ready}
        />
      </form>
    </Dialog>
  );
}

/** The cluster's container instances, with Drain (confirmed) and Activate. */
/** Rows shown before "Show all": a 600-instance cluster must not flood the page. */
const FIRST_ROWS = 50;

export function InstancesPanel({ scope, readOnly }: { scope: ClusterScope; readOnly: boolean }) {
  const instances = useQuery(instancesQueryOptions(scope));
  const [showAll, setShowAll] = useState(false);
  const all = instances.data?.containerInstances ?? [];
  const shown = showAll ? all : all.slice(0, FIRST_ROWS);
  const [draining, setDraining] = useState<ContainerInstance | undefined>();
  const activate = useSetInstanceState(scope);
  const { key, renew, renewIfAnswered } = useIdempotencyKey();

  const onSetState = (instance: ContainerInstance, status: 'DRAINING' | 'ACTIVE') => {
    if (status === 'DRAINING') {
      setDraining(instance);
      return;
    }
    activate.mutate(
      { instance: instance.id, status, idempotencyKey: key },
      { onSuccess: renew, onError: renewIfAnswered },
    );
  };

  return (
    <section aria-labelledby="instances-heading" className="space-y-2">
      <h2 id="instances-heading" className="text-sm font-semibold">
        Container instances
        {instances.data && (
          <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
            {instances.data.containerInstances.length}
          </span>
        )}
      </h2>
      <InlineError error={activate.error} />
      <DescribeFailures failures={instances.data?.failures} what="container instances" />
      {instances.isError ? (
        <QueryError title="Container instances could not be loaded" query={instances} />
      ) : (
        <div className={`${PANEL} overflow-x-auto`}>
          {instances.data && instances.data.containerInstances.length > 0 && (
            <InstancesTable
              instances={shown}
              onSetState={readOnly ? undefined : onSetState}
              busy={activate.isPending ? activate.variables.instance : undefined}
            />
          )}
          {shown.length < all.length && (
            <div className="border-t border-slate-200 px-4 py-2 text-sm dark:border-slate-700">
              <Button onClick={() => setShowAll(true)}>Show all {all.length} instances</Button>
            </div>
          )}
          {instances.isPending && (
            <div
              aria-hidden="true"
              className="m-4 h-4 w-1/2 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
            />
          )}
          {instances.data?.containerInstances.length === 0 && (
            <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
              No container instances: the cluster’s tasks run on Fargate or none are registered.
            </p>
          )}
        </div>
      )}
      {draining && (
        <DrainDialog scope={scope} instance={draining} onClose={() => setDraining(undefined)} />
      )}
    </section>
  );
}

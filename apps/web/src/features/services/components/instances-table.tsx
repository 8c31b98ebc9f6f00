import type { ContainerInstance } from '@deckhand/shared';
import { CapacityBar } from '../../../components/ui/capacity-bar';
import { formatMemory, formatVcpu } from '../../../lib/format';
import { shortId } from '../lib/describe-event';
import { TABLE_HEAD } from './tones';

const CELL = 'px-4 py-2 align-top';

const STATUS_TONE: Record<string, string> = {
  ACTIVE: 'text-emerald-700 dark:text-emerald-300',
  DRAINING: 'text-amber-700 dark:text-amber-300',
};

/** A cluster's container instances: state, agent, tasks, reservation; Drain/Activate actions. */
export function InstancesTable({
  instances,
  onSetState,
  busy,
}: {
  instances: ContainerInstance[];
  /** Undefined in read-only mode: no actions. */
  onSetState: ((instance: ContainerInstance, status: 'DRAINING' | 'ACTIVE') => void) | undefined;
  /** The instance whose state change is under way. */
  busy: string | undefined;
}) {
  return (
    <table aria-label="Container instances" className="w-full text-left text-sm">
      <thead className={TABLE_HEAD}>
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Instance
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Status
          </th>
          <th scope="col" className="px-4 py-2 text-right font-medium">
            Tasks
          </th>
          <th scope="col" className="w-56 px-4 py-2 font-medium">
            Reservation
          </th>
          {onSetState && (
            <th scope="col" className="px-4 py-2 font-medium">
              Actions
            </th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {instances.map((instance) => (
          <tr key={instance.arn}>
            <th scope="row" className={`${CELL} font-normal`}>
              <div className="font-mono">{instance.ec2InstanceId}</div>
              <div className="text-xs text-slate-600 dark:text-slate-400" title={instance.id}>
                {shortId(instance.id)}
                {instance.instanceType && ` · ${instance.instanceType}`}
                {instance.availabilityZone && ` · ${instance.availabilityZone}`}
              </div>
            </th>
            <td className={CELL}>
              <span
                className={`text-xs font-medium ${STATUS_TONE[instance.status] ?? 'text-slate-600'}`}
              >
                {instance.status}
              </span>
              <div
                className={`text-xs ${instance.agentConnected ? 'text-slate-600 dark:text-slate-400' : 'text-red-700 dark:text-red-300'}`}
              >
                agent {instance.agentConnected ? 'connected' : 'disconnected'} ·{' '}
                {instance.agentVersion}
              </div>
            </td>
            <td className={`${CELL} text-right tabular-nums`}>
              {instance.runningTasksCount}
              {instance.pendingTasksCount > 0 && (
                <span className="ml-1 text-xs text-amber-700">+{instance.pendingTasksCount}</span>
              )}
            </td>
            <td className={`${CELL} min-w-52 space-y-1`}>
              <CapacityBar label="CPU" capacity={instance.cpu} format={formatVcpu} />
              <CapacityBar label="Memory" capacity={instance.memory} format={formatMemory} />
            </td>
            {onSetState && (
              <td className={CELL}>
                {instance.status === 'ACTIVE' && (
                  <button
                    type="button"
                    aria-label={`Drain ${instance.ec2InstanceId}`}
                    disabled={busy === instance.id}
                    onClick={() => onSetState(instance, 'DRAINING')}
                    className="rounded px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-300 hover:bg-amber-50 disabled:opacity-40 dark:text-amber-300 dark:ring-amber-800 dark:hover:bg-amber-950"
                  >
                    Drain
                  </button>
                )}
                {instance.status === 'DRAINING' && (
                  <button
                    type="button"
                    aria-label={`Activate ${instance.ec2InstanceId}`}
                    disabled={busy === instance.id}
                    onClick={() => onSetState(instance, 'ACTIVE')}
                    className="rounded px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-300 hover:bg-emerald-50 disabled:opacity-40 dark:text-emerald-300 dark:ring-emerald-800 dark:hover:bg-emerald-950"
                  >
                    Activate
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

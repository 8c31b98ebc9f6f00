import { useId } from 'react';
import { formatMemory, formatVcpu } from '../../../lib/format';
import { compressPorts, type InstanceLayout } from '../lib/fleet-layout';
import { TaskBlocks, TaskCountBar, TaskList } from './fleet-task-block';

const BADGE = 'rounded px-1.5 py-0.5 text-xs font-medium';

function StatusBadge({ status }: { status: string }) {
  const tone =
    status === 'ACTIVE'
      ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200'
      : status === 'DRAINING'
        ? 'bg-amber-200 text-amber-950 ring-1 ring-amber-500 dark:bg-amber-900/60 dark:text-amber-100'
        : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100';
  return <span className={`${BADGE} ${tone}`}>{status}</span>;
}

function Capacity({
  label,
  capacity,
  format,
}: {
  label: string;
  capacity: { registered: number; remaining: number };
  format: (value: number) => string;
}) {
  return (
    <div>
      <dt className="inline font-medium text-slate-700 dark:text-slate-300">{label} </dt>
      <dd className="inline tabular-nums">
        {format(capacity.remaining)} free of {format(capacity.registered)}
      </dd>
    </div>
  );
}

/**
 * One container instance: a canvas sized by its registered CPU (width) and memory (height)
 * relative to the cluster's largest, holding its tasks; what it is, where, its free capacity,
 * taken ports and agent. DRAINING and a disconnected agent stand out.
 */
export function FleetInstance({
  layout,
  cluster,
  region,
}: {
  layout: InstanceLayout;
  cluster: string;
  region: string | undefined;
}) {
  const headingId = useId();
  const { instance } = layout;
  const draining = instance.status === 'DRAINING';
  const instanceType =
    instance.instanceType ??
    instance.attributes.find((attribute) => attribute.name === 'ecs.instance-type')?.value;
  const frame = !instance.agentConnected
    ? `border-red-500 border-2 bg-white dark:border-red-400 dark:bg-slate-900 ${draining ? 'border-dashed' : ''}`
    : draining
      ? 'border-amber-500 border-2 border-dashed bg-amber-50 dark:border-amber-400 dark:bg-amber-950/30'
      : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900';
  return (
    <article
      aria-labelledby={headingId}
      data-status={instance.status}
      data-agent={instance.agentConnected ? 'connected' : 'disconnected'}
      className={`space-y-2 rounded-lg border p-3 text-xs ${frame}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h3 id={headingId} className="font-mono text-sm font-semibold">
          {instance.ec2InstanceId}
        </h3>
        <StatusBadge status={instance.status} />
        {!instance.agentConnected && (
          <span className={`${BADGE} bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100`}>
            Agent disconnected
          </span>
        )}
        <span className="text-slate-600 dark:text-slate-400">
          {[instanceType, instance.availabilityZone].filter(Boolean).join(' · ')}
        </span>
      </header>
      <div className="h-24">
        <div
          data-testid="instance-canvas"
          className="rounded bg-slate-100 p-px dark:bg-slate-800"
          style={{
            width: `${layout.widthPct}%`,
            height: `${layout.heightPct}%`,
            minWidth: 48,
            minHeight: 32,
          }}
        >
          {layout.compact ? (
            <TaskCountBar counts={layout.counts} />
          ) : (
            <TaskBlocks blocks={layout.tasks} cluster={cluster} region={region} />
          )}
        </div>
      </div>
      {layout.compact && <TaskList blocks={layout.tasks} cluster={cluster} region={region} />}
      {/* A <dl> may wrap each dt/dd pair in one div, no deeper: the pairs flow as a wrapping row. */}
      <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-slate-600 dark:text-slate-400">
        <Capacity label="CPU" capacity={instance.cpu} format={formatVcpu} />
        <Capacity label="Memory" capacity={instance.memory} format={formatMemory} />
        <div>
          <dt className="inline font-medium text-slate-700 dark:text-slate-300">Tasks </dt>
          <dd className="inline tabular-nums">
            {instance.runningTasksCount} running
            {instance.pendingTasksCount > 0 && `, ${instance.pendingTasksCount} pending`}
          </dd>
        </div>
        <div className="basis-full">
          <dt className="inline font-medium text-slate-700 dark:text-slate-300">Ports </dt>
          <dd className="inline font-mono">
            tcp {compressPorts(instance.ports.tcp) || '–'} · udp{' '}
            {compressPorts(instance.ports.udp) || '–'}
          </dd>
        </div>
        <div className="basis-full">
          <dt className="inline font-medium text-slate-700 dark:text-slate-300">Agent </dt>
          <dd className="inline">
            {instance.agentVersion}, {instance.agentConnected ? 'connected' : 'disconnected'} ·
            Docker {instance.dockerVersion}
          </dd>
        </div>
      </dl>
    </article>
  );
}

import type { EcsTaskDefinition } from '@deckhand/shared';
import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { formatTaskCpu, formatTaskMemory } from '../lib/container-view';
import { STATUS_BADGE } from './styles';

/** One dt/dd pair in its own div: the only wrapper a <dl> may hold around them. */
function Field({
  label,
  children,
  className = '',
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className={`text-xs font-medium uppercase tracking-wide ${MUTED}`}>{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

function Arn({ value, label }: { value: string | undefined; label: string }) {
  if (!value) return <span className={MUTED}>none</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono text-xs break-all">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** The task-level settings of a revision: how it runs, its size, its roles and platform. */
export function RevisionSummary({ definition }: { definition: EcsTaskDefinition }) {
  const platform = definition.runtimePlatform;
  const status = definition.status ?? 'ACTIVE';
  return (
    <section aria-labelledby="summary-heading" className={`${PANEL} p-4`}>
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Status">
          <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_BADGE[status] ?? ''}`}>
            {status}
          </span>
        </Field>
        <Field label="Network mode">{definition.networkMode ?? 'bridge'}</Field>
        <Field label="Requires compatibilities">
          {definition.requiresCompatibilities?.join(', ') || <span className={MUTED}>none</span>}
        </Field>
        <Field label="Registered">
          {definition.registeredAt ? formatTime(definition.registeredAt) : '—'}
          {definition.registeredBy && (
            <span className={`block font-mono text-xs break-all ${MUTED}`}>
              by {definition.registeredBy}
            </span>
          )}
        </Field>
        <Field label="Task CPU">{formatTaskCpu(definition.cpu)}</Field>
        <Field label="Task memory">{formatTaskMemory(definition.memory)}</Field>
        <Field label="Runtime platform">
          {platform
            ? [platform.operatingSystemFamily, platform.cpuArchitecture].filter(Boolean).join(' / ')
            : 'Linux / X86_64 (default)'}
        </Field>
        <Field label="Ephemeral storage">
          {definition.ephemeralStorage?.sizeInGiB
            ? `${definition.ephemeralStorage.sizeInGiB} GiB`
            : 'default'}
        </Field>
        <Field label="Task role" className="sm:col-span-2">
          <Arn value={definition.taskRoleArn} label="task role ARN" />
        </Field>
        <Field label="Execution role" className="sm:col-span-2">
          <Arn value={definition.executionRoleArn} label="execution role ARN" />
        </Field>
        <Field label="ARN" className="sm:col-span-2 lg:col-span-4">
          <Arn value={definition.taskDefinitionArn} label="task definition ARN" />
        </Field>
      </dl>
    </section>
  );
}

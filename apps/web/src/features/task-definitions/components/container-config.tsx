import type { EcsContainerDefinition } from '@deckhand/shared';
import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { environmentOf, secretReferences } from '../lib/container-view';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <h4 className={`mb-1 text-xs font-medium uppercase tracking-wide ${MUTED}`}>{title}</h4>
      {children}
    </div>
  );
}

function Pairs({ label, rows }: { label: string; rows: { key: string; value: ReactNode }[] }) {
  if (rows.length === 0) return <p className={`text-sm ${MUTED}`}>none</p>;
  return (
    <table aria-label={label} className="w-full text-left font-mono text-xs">
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="align-top">
            <th scope="row" className="py-0.5 pr-3 font-medium whitespace-nowrap">
              {row.key}
            </th>
            <td className="py-0.5 break-all">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A container's environment, secrets, logging and mounts. Secrets are shown as the reference
 * they are resolved from at launch (`valueFrom`): their values are never in a task definition.
 */
export function ContainerConfig({ container }: { container: EcsContainerDefinition }) {
  const name = container.name ?? '?';
  const log = container.logConfiguration;
  const command = [...(container.entryPoint ?? []), ...(container.command ?? [])];
  return (
    <section aria-label={`Container ${name}`} className={`${PANEL} space-y-4 p-4`}>
      <h3 className="text-sm font-semibold">{name}</h3>
      {command.length > 0 && (
        <Part title="Entry point and command">
          <code className="font-mono text-xs break-all">{command.join(' ')}</code>
        </Part>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Part title="Environment">
          <Pairs
            label={`Environment of ${name}`}
            rows={environmentOf(container).map((entry) => ({
              key: entry.name,
              value: `=${entry.value}`,
            }))}
          />
          {(container.environmentFiles ?? []).map((file) => (
            <p key={file.value} className="mt-1 font-mono text-xs break-all">
              from file {file.value}
            </p>
          ))}
        </Part>
        <Part title="Secrets">
          <Pairs
            label={`Secrets of ${name}`}
            rows={secretReferences(container).map((secret) => ({
              key: secret.name,
              value: (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <span>from {secret.valueFrom}</span>
                  <CopyButton value={secret.valueFrom} label={`reference of ${secret.name}`} />
                </span>
              ),
            }))}
          />
        </Part>
        <Part title="Log configuration">
          {log ? (
            <>
              <p className="mb-1 text-sm">
                Driver <span className="font-mono">{log.logDriver ?? '?'}</span>
              </p>
              <Pairs
                label={`Log options of ${name}`}
                rows={Object.entries(log.options ?? {}).map(([key, value]) => ({ key, value }))}
              />
              {(log.secretOptions ?? []).map((secret) => (
                <p key={secret.name} className="font-mono text-xs break-all">
                  {secret.name} from {secret.valueFrom}
                </p>
              ))}
            </>
          ) : (
            <p className={`text-sm ${MUTED}`}>none (logs stay on the host)</p>
          )}
        </Part>
        <Part title="Mount points">
          <Pairs
            label={`Mount points of ${name}`}
            rows={(container.mountPoints ?? []).map((mount, index) => ({
              key: mount.sourceVolume ?? String(index),
              value: `${mount.containerPath ?? '?'}${mount.readOnly ? ' (read-only)' : ''}`,
            }))}
          />
        </Part>
      </div>
    </section>
  );
}

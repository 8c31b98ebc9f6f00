import type { EcsTaskDefinition } from '@deckhand/shared';
import { MUTED, PANEL, ROW, TABLE_HEAD } from '../../../components/ui/styles';
import { formatVcpu } from '../../../lib/format';
import { formatContainerMemory, formatHealthCheck, formatPortMapping } from '../lib/container-view';

/** One row per container: image, essential, size, ports and health check. */
export function ContainersTable({ definition }: { definition: EcsTaskDefinition }) {
  const containers = definition.containerDefinitions ?? [];
  return (
    <section aria-labelledby="containers-heading" className="space-y-2">
      <h2 id="containers-heading" className="text-base font-semibold">
        Containers
      </h2>
      <div className={`${PANEL} overflow-x-auto`}>
        <table className="w-full text-left text-sm">
          <thead className={TABLE_HEAD}>
            <tr>
              {['Name', 'Image', 'Essential', 'CPU', 'Memory', 'Port mappings', 'Health check'].map(
                (title) => (
                  <th key={title} scope="col" className="px-4 py-2 font-medium">
                    {title}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {containers.map((container, index) => {
              const ports = container.portMappings ?? [];
              const health = formatHealthCheck(container.healthCheck);
              return (
                <tr key={container.name ?? index} className={ROW}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    {container.name ?? '?'}
                  </th>
                  <td className="max-w-xs px-4 py-3 font-mono text-xs break-all">
                    {container.image ?? '—'}
                  </td>
                  <td className="px-4 py-3">{container.essential === false ? 'no' : 'yes'}</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                    {container.cpu ? formatVcpu(container.cpu) : <span className={MUTED}>—</span>}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                    {formatContainerMemory(container)}
                  </td>
                  <td className="px-4 py-3">
                    {ports.length === 0 ? (
                      <span className={MUTED}>none</span>
                    ) : (
                      <ul className="font-mono text-xs">
                        {ports.map((mapping, portIndex) => (
                          <li key={portIndex}>
                            {formatPortMapping(mapping, definition.networkMode)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="max-w-xs px-4 py-3 font-mono text-xs break-words">
                    {health ?? <span className={`font-sans ${MUTED}`}>none</span>}
                  </td>
                </tr>
              );
            })}
            {containers.length === 0 && (
              <tr>
                <td colSpan={7} className={`px-4 py-6 text-center ${MUTED}`}>
                  This revision defines no containers.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import type { TaskBlock, ZoneGroup } from '../lib/fleet-layout';
import { TaskBlockRow } from './fleet-task-block';

/** Pixel size of a block without an instance: 12 px at the least, up to 48 px for the largest. */
const side = (pct: number) => Math.round(12 + (pct / 100) * 36);

function Blocks(props: {
  blocks: readonly TaskBlock[];
  cluster: string;
  region: string | undefined;
}) {
  return (
    <TaskBlockRow
      {...props}
      className="flex flex-wrap items-end gap-1"
      size={(block) => ({ width: side(block.widthPct), height: side(block.heightPct) })}
    />
  );
}

/**
 * Tasks with no container instance (Fargate, awsvpc) by availability zone, each block sized by
 * its reservation against the largest such task; the tooltip carries the ENI's address.
 */
export function FleetZones({
  zones,
  unlisted,
  cluster,
  region,
}: {
  zones: readonly ZoneGroup[];
  unlisted: readonly TaskBlock[];
  cluster: string;
  region: string | undefined;
}) {
  if (zones.length === 0 && unlisted.length === 0) return null;
  const count = zones.reduce((sum, zone) => sum + zone.tasks.length, 0);
  return (
    <div className="space-y-3">
      {zones.length > 0 && (
        <section aria-labelledby="fleet-fargate-heading" className="space-y-2">
          <h3 id="fleet-fargate-heading" className="text-xs font-semibold">
            Fargate tasks{' '}
            <span className="font-normal text-slate-600 dark:text-slate-400">{count}</span>
          </h3>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {zones.map((zone) => (
              <li
                key={`${zone.availabilityZone ?? 'unknown'}|${zone.subnetId ?? ''}`}
                aria-label={`Zone ${zone.availabilityZone ?? 'unknown'}${zone.subnetId ? `, subnet ${zone.subnetId}` : ''}`}
                className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-xs dark:border-slate-700 dark:bg-slate-900"
              >
                <p className="font-medium text-slate-700 dark:text-slate-300">
                  {zone.availabilityZone ?? 'Zone not reported'}
                  {zone.subnetId && (
                    <span className="ml-2 font-mono font-normal">{zone.subnetId}</span>
                  )}
                  <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
                    {zone.tasks.length} tasks
                  </span>
                </p>
                <Blocks blocks={zone.tasks} cluster={cluster} region={region} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {unlisted.length > 0 && (
        <div className="space-y-1 text-xs text-slate-600 dark:text-slate-400">
          <p>
            {unlisted.length} tasks run on instances the instance list does not show yet (it is
            refreshed every 30 s).
          </p>
          <Blocks blocks={unlisted} cluster={cluster} region={region} />
        </div>
      )}
    </div>
  );
}

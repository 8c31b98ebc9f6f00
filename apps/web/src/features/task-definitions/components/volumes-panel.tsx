import type { EcsTaskDefinition } from '@deckhand/shared';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { describeVolume } from '../lib/container-view';

/** The task's volumes and what backs each. */
export function VolumesPanel({ definition }: { definition: EcsTaskDefinition }) {
  const volumes = definition.volumes ?? [];
  return (
    <section aria-labelledby="volumes-heading" className="space-y-2">
      <h2 id="volumes-heading" className="text-base font-semibold">
        Volumes
      </h2>
      {volumes.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>This revision defines no volumes.</p>
      ) : (
        <ul className={`${PANEL} divide-y divide-slate-100 text-sm dark:divide-slate-800`}>
          {volumes.map((volume, index) => (
            <li key={volume.name ?? index} className="flex flex-wrap gap-x-3 px-4 py-2">
              <span className="font-mono font-medium">{volume.name ?? '?'}</span>
              <span className={MUTED}>{describeVolume(volume)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { RegistryImage } from '@deckhand/shared';
import { CopyButton } from '../../../components/ui/copy-button';
import { SortHeader } from '../../../components/ui/sort-header';
import { MUTED, PANEL, ROW, TABLE_HEAD } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import type { SortState } from '../../../lib/url-state';
import { formatBytes, shortDigest } from '../lib/format-bytes';
import type { ImageSortKey } from '../lib/repositories';
import { ScanSummary } from './scan-summary';
import { UsedBy } from './used-by';

function Moment({ value, missing }: { value: string | undefined; missing: string }) {
  if (!value) return <span className={MUTED}>{missing}</span>;
  return <time dateTime={value}>{formatTime(value)}</time>;
}

/** A repository's images: digest, tags, size, push and pull times, scan and usage. */
export function ImagesTable({
  images,
  sort,
  onSort,
  region,
}: {
  images: readonly RegistryImage[];
  sort: SortState<ImageSortKey>;
  onSort: (column: ImageSortKey) => void;
  region: string | undefined;
}) {
  return (
    <div className={`${PANEL} overflow-x-auto`}>
      <table aria-label="Images" className="w-full text-left text-sm">
        <thead className={TABLE_HEAD}>
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Digest
            </th>
            <SortHeader label="Tags" column="tags" sort={sort} onSort={onSort} />
            <SortHeader label="Size" column="sizeBytes" sort={sort} onSort={onSort} align="right" />
            <SortHeader label="Pushed" column="pushedAt" sort={sort} onSort={onSort} />
            <SortHeader label="Last pulled" column="lastPulledAt" sort={sort} onSort={onSort} />
            <th scope="col" className="px-4 py-2 font-medium">
              Scan
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Used by
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {images.map((image) => (
            <tr key={image.digest} className={ROW}>
              <th scope="row" className="px-4 py-3 font-normal whitespace-nowrap">
                <span title={image.digest} className="mr-2 font-mono text-xs">
                  {shortDigest(image.digest)}
                </span>
                <CopyButton value={image.digest} label={`digest ${shortDigest(image.digest)}`} />
              </th>
              <td className="px-4 py-3">
                {image.tags.length === 0 ? (
                  <span className={`italic ${MUTED}`}>untagged</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {image.tags.map((tag) => (
                      <li
                        key={tag}
                        className="rounded bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-900 ring-1 ring-sky-200 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800"
                      >
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                {formatBytes(image.sizeBytes)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                <Moment value={image.pushedAt} missing="—" />
              </td>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                <Moment value={image.lastPulledAt} missing="never" />
              </td>
              <td className="px-4 py-3">
                <ScanSummary scan={image.scan} />
              </td>
              <td className="px-4 py-3">
                <UsedBy usedBy={image.usedBy} region={region} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

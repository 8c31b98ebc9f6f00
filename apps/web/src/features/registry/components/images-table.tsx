import type { RegistryImage } from '@deckhand/shared';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/ui/copy-button';
import { LINK, MUTED, PANEL } from '../../../components/ui/styles';
import { VirtualTable, type Column } from '../../../components/ui/virtual-table';
import { formatTime } from '../../../lib/format';
import { regionSearch, type SortState } from '../../../lib/url-state';
import { formatBytes, shortDigest } from '../lib/format-bytes';
import { IMAGE_SORT_KEYS, type ImageSortKey } from '../lib/repositories';
import { ScanSummary } from './scan-summary';
import { UsedBy } from './used-by';

type ImageColumn = ImageSortKey | 'digest' | 'usedBy';

/** One line per image: the window is exact only when every row has the same height. */
const ROW_HEIGHT = 44;

function Moment({ value, missing }: { value: string | undefined; missing: string }) {
  if (!value) return <span className={MUTED}>{missing}</span>;
  return <time dateTime={value}>{formatTime(value)}</time>;
}

/** The path of an image's findings page. */
export function findingsPath(repository: string, digest: string, region: string | undefined) {
  return `/registry/${encodeURIComponent(repository)}/images/${encodeURIComponent(digest)}${regionSearch(region)}`;
}

function columns(
  repository: string,
  region: string | undefined,
  usageComplete: boolean,
): Column<RegistryImage, ImageColumn>[] {
  return [
    {
      key: 'digest',
      label: 'Digest',
      width: 210,
      rowHeader: true,
      title: (image) => image.digest,
      cell: (image) => (
        <span className="inline-flex items-center gap-2 font-mono text-xs font-normal">
          <Link to={findingsPath(repository, image.digest, region)} className={LINK}>
            {shortDigest(image.digest)}
          </Link>
          <CopyButton value={image.digest} label={`digest ${shortDigest(image.digest)}`} />
        </span>
      ),
    },
    {
      key: 'tags',
      label: 'Tags',
      width: 200,
      title: (image) => (image.tags.length > 0 ? image.tags.join(', ') : undefined),
      cell: (image) =>
        image.tags.length === 0 ? (
          <span className={`italic ${MUTED}`}>untagged</span>
        ) : (
          image.tags.map((tag) => (
            <span
              key={tag}
              className="mr-1 rounded bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-900 ring-1 ring-sky-200 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800"
            >
              {tag}
            </span>
          ))
        ),
    },
    {
      key: 'sizeBytes',
      label: 'Size',
      width: 90,
      align: 'right',
      className: 'tabular-nums',
      cell: (image) => formatBytes(image.sizeBytes),
    },
    {
      key: 'pushedAt',
      label: 'Pushed',
      width: 150,
      className: 'tabular-nums',
      cell: (image) => <Moment value={image.pushedAt} missing="—" />,
    },
    {
      key: 'lastPulledAt',
      label: 'Last pulled',
      width: 150,
      className: 'tabular-nums',
      cell: (image) => <Moment value={image.lastPulledAt} missing="never" />,
    },
    { key: 'scan', label: 'Scan', width: 150, cell: (image) => <ScanSummary scan={image.scan} /> },
    {
      key: 'usedBy',
      label: 'Used by',
      width: 360,
      cell: (image) => <UsedBy usedBy={image.usedBy} region={region} complete={usageComplete} />,
    },
  ];
}

const isSortKey = (key: ImageColumn): key is ImageSortKey =>
  IMAGE_SORT_KEYS.some((candidate) => candidate === key);

/**
 * A repository's images, virtualized (thousands of images keep a few dozen rows in the DOM):
 * digest (to its findings), tags, size, push and pull times, scan and who uses it.
 */
export function ImagesTable({
  repository,
  images,
  sort,
  onSort,
  region,
  usageComplete = true,
}: {
  repository: string;
  images: readonly RegistryImage[];
  sort: SortState<ImageSortKey>;
  onSort: (column: ImageSortKey) => void;
  region: string | undefined;
  /** Whether "used by" is known for every image (else none is marked "not used"). */
  usageComplete?: boolean;
}) {
  return (
    <div className={PANEL}>
      <VirtualTable
        label="Images"
        rows={images}
        columns={columns(repository, region, usageComplete)}
        rowKey={(image) => image.digest}
        rowHeight={ROW_HEIGHT}
        sort={{ column: sort.key, direction: sort.descending ? 'desc' : 'asc' }}
        onSort={(column) => {
          if (isSortKey(column)) onSort(column);
        }}
        unsortable={['digest', 'usedBy']}
        maxHeight="max-h-[70vh]"
        rowData={(image) => ({ 'data-digest': image.digest })}
      />
    </div>
  );
}

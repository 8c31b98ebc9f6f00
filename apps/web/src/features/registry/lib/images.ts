import type { ImageUsageProgress, RegistryImage } from '@deckhand/shared';

/** `?show=` of the images table: which images to keep besides the text filter. */
export const IMAGE_VIEWS = ['all', 'tagged', 'untagged', 'unused', 'drift', 'critical'] as const;
export type ImageView = (typeof IMAGE_VIEWS)[number];

export const IMAGE_VIEW_LABELS: Record<ImageView, string> = {
  all: 'All images',
  tagged: 'Tagged',
  untagged: 'Untagged',
  unused: 'Not used',
  drift: 'Tag moved under a task',
  critical: 'Critical or high findings',
};

export function parseImageView(value: string | null): ImageView {
  return IMAGE_VIEWS.find((view) => view === value) ?? 'all';
}

/** Some running task was started from a tag that now names another image. */
export const hasDrift = (image: RegistryImage) =>
  image.usedBy.some((use) => use.kind === 'task' && use.drift);

/** Whether "used by" is known for every image: an answer without `usage` is complete. */
export const usageComplete = (usage: ImageUsageProgress | undefined) => usage?.complete !== false;

/**
 * What the page says while the BFF is still finding what uses the images, e.g. "Finding what
 * uses these images… 812 of 2,025 task definitions"; undefined once it knows.
 */
export function usageStatus(usage: ImageUsageProgress | undefined): string | undefined {
  if (!usage || usage.complete) return undefined;
  const lead = 'Finding what uses these images…';
  if (usage.taskDefinitionsTotal === undefined) return lead;
  const count = (value: number) => value.toLocaleString('en-US');
  return `${lead} ${count(usage.taskDefinitionsScanned)} of ${count(usage.taskDefinitionsTotal)} task definitions`;
}

const KEEP: Record<ImageView, (image: RegistryImage, complete: boolean) => boolean> = {
  all: () => true,
  tagged: (image) => image.tags.length > 0,
  untagged: (image) => image.tags.length === 0,
  // Unknown until every use is: an image is never called unused on a partial answer.
  unused: (image, complete) => complete && image.notUsed,
  drift: hasDrift,
  critical: (image) => image.scan.counts.critical + image.scan.counts.high > 0,
};

/**
 * The images matching the view and the text: a case-insensitive part of a tag or of the digest
 * (with or without `sha256:`); `untagged` also matches the untagged ones, as the table says.
 * `complete`: whether "used by" is known for every image (else none is kept as unused).
 */
export function filterImages(
  images: readonly RegistryImage[],
  text: string,
  view: ImageView = 'all',
  complete = true,
): RegistryImage[] {
  const needle = text.trim().toLowerCase();
  const keep = (image: RegistryImage) => KEEP[view](image, complete);
  return images.filter(
    (image) =>
      keep(image) &&
      (needle === '' ||
        image.digest.includes(needle) ||
        image.tags.some((tag) => tag.toLowerCase().includes(needle)) ||
        (image.tags.length === 0 && 'untagged'.includes(needle))),
  );
}

/** Worst findings first: critical, then high, … (an unscanned image is below a clean one). */
export function compareScans(a: RegistryImage, b: RegistryImage): number {
  const rank = (image: RegistryImage) =>
    image.scan.status === 'COMPLETE' || image.scan.status === 'ACTIVE'
      ? [
          image.scan.counts.critical,
          image.scan.counts.high,
          image.scan.counts.medium,
          image.scan.counts.low,
          image.scan.counts.informational,
        ]
      : [-1];
  const left = rank(a);
  const right = rank(b);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

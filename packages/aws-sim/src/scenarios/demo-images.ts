import type { Random } from '../engine/random.js';
import { pickFindings, type SeverityCounts } from '../services/ecr/findings.js';
import type { ScanRecord } from '../services/ecr/model.js';
import { DOCKER_MANIFEST_V2, OCI_MANIFEST } from '../services/ecr/push.js';
import { SCAN_DURATION_MS } from '../services/ecr/scans.js';

const MB = 1024 * 1024;

const FORMATS = {
  docker: {
    mediaType: DOCKER_MANIFEST_V2,
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  },
  oci: {
    mediaType: OCI_MANIFEST,
    config: 'application/vnd.oci.image.config.v1+json',
    layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  },
} as const;

export type ManifestFormat = keyof typeof FORMATS;

const blob = (mediaType: string, size: number, random: Random) => ({
  mediaType,
  size,
  digest: `sha256:${random.hex(64)}`,
});

/**
 * The base image's layers, shared by every build of a repository as they are in a real registry:
 * a distribution layer of about a third of the image and two smaller runtime layers.
 */
export function baseLayers(random: Random, format: ManifestFormat, sizeMb: number) {
  const layer = FORMATS[format].layer;
  return [
    blob(layer, Math.round(sizeMb * MB * (0.28 + random.next() * 0.08)), random),
    blob(layer, Math.round(sizeMb * MB * (0.18 + random.next() * 0.06)), random),
    blob(layer, random.int(2_000, 900_000), random),
  ];
}

/**
 * A build's manifest: the shared base layers, then application layers filling the image up to
 * about `sizeMb`. Pretty-printed with three spaces, as Docker writes manifests, so its digest is
 * that of a realistic manifest document.
 */
export function buildManifest(
  random: Random,
  format: ManifestFormat,
  base: ReturnType<typeof baseLayers>,
  sizeMb: number,
): string {
  const { mediaType, config, layer } = FORMATS[format];
  const target = Math.round(sizeMb * MB * (0.94 + random.next() * 0.12));
  let remaining = Math.max(target - base.reduce((sum, item) => sum + item.size, 0), 4 * MB);
  const app = [];
  for (let i = random.int(2, 5); i > 1; i -= 1) {
    const size = Math.round(remaining * (0.2 + random.next() * 0.4));
    app.push(blob(layer, size, random));
    remaining -= size;
  }
  app.push(blob(layer, remaining, random));
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType,
      config: blob(config, random.int(4_000, 14_000), random),
      layers: [...base, ...app],
    },
    null,
    3,
  );
}

/** Severity counts to find, or `unsupported` for an image whose OS basic scanning cannot read. */
export type DemoScan = SeverityCounts | 'unsupported';

/** A basic scan that ran at `startedAt` and found `scan`. */
export function demoScan(random: Random, scan: DemoScan, startedAt: number): ScanRecord {
  return {
    startedAt,
    completesAt: startedAt + SCAN_DURATION_MS,
    outcome: scan === 'unsupported' ? 'UNSUPPORTED_IMAGE' : 'COMPLETE',
    vulnerabilitySourceUpdatedAt: startedAt - random.int(1, 10) * 60 * 60 * 1000,
    findings: scan === 'unsupported' ? [] : pickFindings(random, scan),
  };
}

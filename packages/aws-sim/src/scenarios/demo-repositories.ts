import { registryHost } from '../services/ecr/model.js';
import type { DemoScan, ManifestFormat } from './demo-images.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const seconds = (n: number) => n * SECOND;
const minutes = (n: number) => n * MINUTE;
const hours = (n: number) => n * HOUR;
const days = (n: number) => n * DAY;

interface DemoImage {
  tags: string[];
  /** How long before the scenario starts it was pushed. */
  pushed: number;
  /** How long ago ECR last recorded a pull; never pulled when absent. */
  pulled?: number;
  /** Its basic scan, run at push. Absent: never scanned (or, with scanOnPush, whatever the scan finds). */
  scan?: DemoScan;
}

export interface DemoRepository {
  name: string;
  /** The tag the demo's task definitions run (see demoImageUri). */
  deployedTag: string;
  team: string;
  /** About how large each build is (compressed layers), in MB. */
  sizeMb: number;
  format: ManifestFormat;
  immutable?: boolean;
  scanOnPush?: boolean;
  /** Oldest first, pushed in this order: a tag on two images ends on the later (it moved). */
  images: DemoImage[];
}

/**
 * One ECR repository per image the demo's task definitions run, and the tag they run. The single
 * list to keep in sync with scenarios/demo.ts: task definitions take their image from
 * demoImageUri(name), so a repository added here is one the fleet can run.
 */
export const DEMO_REPOSITORIES: readonly DemoRepository[] = [
  {
    name: 'storefront-web',
    deployedTag: 'latest',
    team: 'storefront',
    sizeMb: 212,
    format: 'docker',
    images: [
      {
        tags: ['v1.40.0'],
        pushed: days(26),
        pulled: days(19),
        scan: { HIGH: 2, MEDIUM: 4, LOW: 3, INFORMATIONAL: 1 },
      },
      {
        tags: ['v1.41.0'],
        pushed: days(12),
        pulled: days(2),
        scan: { HIGH: 1, MEDIUM: 3, LOW: 2, INFORMATIONAL: 1 },
      },
      { tags: [], pushed: days(11), scan: { HIGH: 1, MEDIUM: 3, LOW: 2 } },
      // The build `latest` pointed at until five hours ago: tasks started before still run it.
      {
        tags: ['latest'],
        pushed: days(2),
        pulled: minutes(50),
        scan: { HIGH: 1, MEDIUM: 2, LOW: 2 },
      },
      {
        tags: ['latest', 'v1.42.0'],
        pushed: hours(5),
        pulled: minutes(12),
        scan: { MEDIUM: 2, LOW: 1, INFORMATIONAL: 1 },
      },
    ],
  },
  {
    name: 'storefront-api',
    deployedTag: 'v2.8.3',
    team: 'storefront',
    sizeMb: 264,
    format: 'docker',
    scanOnPush: true,
    images: [
      { tags: ['v2.7.0'], pushed: days(34), pulled: days(20) },
      { tags: ['v2.8.0'], pushed: days(20), pulled: days(9) },
      { tags: ['v2.8.1'], pushed: days(9), pulled: days(4) },
      { tags: ['v2.8.3'], pushed: days(4), pulled: minutes(25) },
      // Pushed moments ago: its scan on push is still IN_PROGRESS when the demo starts.
      { tags: ['v2.9.0-rc.1'], pushed: seconds(40) },
    ],
  },
  {
    name: 'storefront-worker',
    deployedTag: 'main-4f9c2a1',
    team: 'storefront',
    sizeMb: 338,
    format: 'docker',
    images: [
      {
        tags: ['main-8c1d0e4'],
        pushed: days(17),
        pulled: days(11),
        scan: { HIGH: 3, MEDIUM: 5, LOW: 4, UNDEFINED: 1 },
      },
      { tags: [], pushed: days(11) },
      {
        tags: ['main-4f9c2a1'],
        pushed: days(6),
        pulled: minutes(40),
        scan: { CRITICAL: 1, HIGH: 2, MEDIUM: 4, LOW: 3 },
      },
    ],
  },
  {
    name: 'legacy-admin',
    deployedTag: '2024.02',
    team: 'platform',
    sizeMb: 560,
    format: 'docker',
    images: [
      {
        tags: ['2023.11'],
        pushed: days(55),
        pulled: days(30),
        scan: { CRITICAL: 3, HIGH: 6, MEDIUM: 7, LOW: 5, INFORMATIONAL: 3, UNDEFINED: 2 },
      },
      {
        tags: ['2024.02'],
        pushed: days(41),
        pulled: hours(3),
        scan: { CRITICAL: 4, HIGH: 8, MEDIUM: 9, LOW: 5, INFORMATIONAL: 4, UNDEFINED: 3 },
      },
    ],
  },
  {
    // A Go binary on scratch: no OS packages for basic scanning to read.
    name: 'checkout-api',
    deployedTag: 'v3.5.0',
    team: 'checkout',
    sizeMb: 58,
    format: 'oci',
    images: [
      { tags: ['v3.4.0'], pushed: days(23), pulled: days(15), scan: 'unsupported' },
      { tags: ['v3.4.1'], pushed: days(15), pulled: days(3), scan: 'unsupported' },
      { tags: ['v3.5.0'], pushed: days(3), pulled: minutes(30), scan: 'unsupported' },
    ],
  },
  {
    name: 'payments-api',
    deployedTag: '1.19.2',
    team: 'checkout',
    sizeMb: 431,
    format: 'docker',
    immutable: true,
    images: [
      {
        tags: ['1.18.0'],
        pushed: days(30),
        pulled: days(16),
        scan: { HIGH: 2, MEDIUM: 3, LOW: 1 },
      },
      { tags: ['1.19.0'], pushed: days(16), pulled: days(8), scan: { HIGH: 1, MEDIUM: 3, LOW: 2 } },
      {
        tags: ['1.19.2'],
        pushed: days(8),
        pulled: minutes(35),
        scan: { MEDIUM: 2, LOW: 2, INFORMATIONAL: 1 },
      },
    ],
  },
  {
    name: 'xray-daemon',
    deployedTag: '3.3.14',
    team: 'platform',
    sizeMb: 54,
    format: 'docker',
    images: [
      {
        tags: ['3.3.13'],
        pushed: days(40),
        pulled: days(10),
        scan: { MEDIUM: 1, LOW: 2, INFORMATIONAL: 2 },
      },
      {
        tags: ['3.3.14'],
        pushed: days(10),
        pulled: minutes(20),
        scan: { LOW: 1, INFORMATIONAL: 2, UNDEFINED: 1 },
      },
    ],
  },
  {
    name: 'storefront-nginx',
    deployedTag: '1.27.4-alpine',
    team: 'storefront',
    sizeMb: 62,
    format: 'docker',
    images: [
      { tags: ['1.27.3-alpine'], pushed: days(28), pulled: days(14) },
      {
        tags: ['1.27.4-alpine'],
        pushed: days(14),
        pulled: minutes(45),
        scan: { CRITICAL: 1, HIGH: 1, MEDIUM: 2 },
      },
    ],
  },
];

/**
 * The digest storefront-web:latest named before it moved to a new build; now untagged. One
 * running task should report it as its container imageDigest (image drift). A test checks it
 * against the built demo.
 */
export const STOREFRONT_WEB_PREVIOUS_DIGEST =
  'sha256:7c330bf1e5a87284ffbd3fd6c8f41dc2debe12df1b54c87c6ed5e1427a5b6aa5';

/** `<account>.dkr.ecr.<region>.amazonaws.com/<name>:<deployed tag>`: the image a task definition names. */
export function demoImageUri(accountId: string, region: string, name: string): string {
  const repository = DEMO_REPOSITORIES.find((candidate) => candidate.name === name);
  if (!repository) throw new RangeError(`No demo repository ${name}`);
  return `${registryHost(accountId, region)}/${name}:${repository.deployedTag}`;
}

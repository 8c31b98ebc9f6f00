import { describe, expect, it } from 'vitest';
import { SimClock } from '../engine/clock.js';
import { Random } from '../engine/random.js';
import { World, type RegionState } from '../engine/region-state.js';
import { validateLifecyclePolicy } from '../services/ecr/lifecycle-policy.js';
import { SEVERITIES, type ImageRecord } from '../services/ecr/model.js';
import { manifestDigest } from '../services/ecr/push.js';
import { scanStatus } from '../services/ecr/scans.js';
import { DEMO_EKS } from './demo-eks.js';
import { buildDemoEcrAndEks } from './demo-registry.js';
import {
  DEMO_REPOSITORIES,
  STOREFRONT_WEB_PREVIOUS_DIGEST,
  demoImageUri,
} from './demo-repositories.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

function build(seed: number): { state: RegionState; now: number } {
  const world = new World(ACCOUNT);
  const clock = new SimClock(1, () => 1_780_000_000_000);
  buildDemoEcrAndEks({ world, region: REGION, clock, random: new Random(seed) });
  return { state: world.region(REGION), now: clock.now() };
}

const { state, now } = build(1);
const allImages = (): ImageRecord[] =>
  [...state.ecrRepositories.values()].flatMap((repository) => [...repository.images.values()]);
const repository = (name: string) => {
  const found = state.ecrRepositories.get(name);
  if (!found) throw new Error(`no repository ${name}`);
  return found;
};

describe('demo registry', () => {
  it('holds one repository per listed image, each with the tag the task definitions run', () => {
    expect([...state.ecrRepositories.keys()].sort()).toEqual(
      DEMO_REPOSITORIES.map((spec) => spec.name).sort(),
    );
    for (const spec of DEMO_REPOSITORIES) {
      const deployed = [...repository(spec.name).images.values()].find((image) =>
        image.tags.includes(spec.deployedTag),
      );
      expect(deployed, spec.name).toBeDefined();
    }
    expect(demoImageUri(ACCOUNT, REGION, 'storefront-api')).toBe(
      `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/storefront-api:v2.8.3`,
    );
    expect(() => demoImageUri(ACCOUNT, REGION, 'nope')).toThrow(RangeError);
  });

  it('moved storefront-web:latest off the exported previous digest, still pulled recently', () => {
    const web = repository('storefront-web');
    const previous = web.images.get(STOREFRONT_WEB_PREVIOUS_DIGEST);
    expect(previous).toBeDefined();
    expect(previous?.tags).toEqual([]);
    expect(now - (previous?.lastRecordedPullTime ?? 0)).toBeLessThan(DAY);
    const latest = [...web.images.values()].find((image) => image.tags.includes('latest'));
    expect(latest?.digest).not.toBe(STOREFRONT_WEB_PREVIOUS_DIGEST);
    expect(latest?.pushedAt ?? 0).toBeGreaterThan(previous?.pushedAt ?? Infinity);
  });

  it('has images of realistic digests, sizes and push times, tagged and untagged', () => {
    const images = allImages();
    for (const image of images) {
      expect(image.digest).toBe(manifestDigest(image.manifest));
      expect(image.sizeInBytes).toBeGreaterThanOrEqual(50 * MB);
      expect(image.sizeInBytes).toBeLessThanOrEqual(600 * MB);
      expect(now - image.pushedAt).toBeLessThanOrEqual(60 * DAY);
    }
    const ages = images.map((image) => now - image.pushedAt);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(21 * DAY);
    expect(images.some((image) => image.tags.length === 0)).toBe(true);
    expect(
      images.filter((image) => image.lastRecordedPullTime === undefined).length,
    ).toBeGreaterThan(0);
  });

  it('carries findings of every severity in the packages base images ship', () => {
    const findings = allImages().flatMap((image) => image.scan?.findings ?? []);
    const legacy = [...repository('legacy-admin').images.values()].flatMap(
      (image) => image.scan?.findings ?? [],
    );
    for (const severity of SEVERITIES) {
      expect(
        legacy.some((finding) => finding.severity === severity),
        severity,
      ).toBe(true);
    }
    const packages = new Set(
      findings.map((f) => f.attributes.find((a) => a.key === 'package_name')?.value),
    );
    for (const name of ['openssl', 'libc6', 'zlib1g', 'libcurl4', 'busybox']) {
      expect(packages.has(name), name).toBe(true);
    }
    expect(findings.every((finding) => /^CVE-\d{4}-\d{4,}$/.test(finding.name))).toBe(true);
    const checkout = [...repository('checkout-api').images.values()];
    expect(checkout.every((image) => image.scan?.outcome === 'UNSUPPORTED_IMAGE')).toBe(true);
  });

  it('has the repository settings the console shows', () => {
    const immutable = [...state.ecrRepositories.values()].filter(
      (r) => r.imageTagMutability === 'IMMUTABLE',
    );
    expect(immutable.map((r) => r.name)).toEqual(['payments-api']);
    const api = repository('storefront-api');
    expect(api.scanOnPush).toBe(true);
    const statuses = [...api.images.values()].map((image) =>
      image.scan ? scanStatus(image.scan, now).status : 'NONE',
    );
    expect(statuses).toContain('IN_PROGRESS');
    expect(statuses.filter((status) => status === 'COMPLETE').length).toBeGreaterThan(2);
    const lifecycle = repository('storefront-web').lifecyclePolicy;
    expect(lifecycle).toBeDefined();
    expect(() => validateLifecyclePolicy(lifecycle?.text ?? '')).not.toThrow();
    expect(repository('xray-daemon').policyText).toContain('ecr:BatchGetImage');
    expect([...state.ecrRepositories.values()].filter((r) => r.policyText).length).toBe(1);
  });

  it('builds the same registry whatever the simulator seed', () => {
    const again = build(99).state;
    for (const [name, original] of state.ecrRepositories) {
      expect([...(again.ecrRepositories.get(name)?.images.keys() ?? [])]).toEqual([
        ...original.images.keys(),
      ]);
    }
  });

  it('has an EKS cluster on 1.31 with a node group', () => {
    const cluster = state.eksClusters.get(DEMO_EKS.cluster);
    expect(cluster?.version).toBe('1.31');
    expect([...(cluster?.nodegroups.keys() ?? [])]).toEqual([DEMO_EKS.nodegroup]);
  });
});

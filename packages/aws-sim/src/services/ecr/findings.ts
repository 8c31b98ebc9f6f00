import { Random } from '../../engine/random.js';
import { KNOWN_VULNERABILITIES, type KnownVulnerability } from './findings-catalogue.js';
import { SEVERITIES, type FindingSeverity, type ScanFinding } from './model.js';

export type SeverityCounts = Partial<Record<FindingSeverity, number>>;

const TRACKERS = {
  debian: 'https://security-tracker.debian.org/tracker/',
  nvd: 'https://nvd.nist.gov/vuln/detail/',
} as const;

function toFinding(known: KnownVulnerability): ScanFinding {
  return {
    name: known.name,
    description: known.description,
    uri: `${TRACKERS[known.tracker]}${known.name}`,
    severity: known.severity,
    attributes: [
      { key: 'package_version', value: known.packageVersion },
      { key: 'package_name', value: known.packageName },
    ],
  };
}

/**
 * Picks `counts[severity]` distinct known vulnerabilities of each severity (capped at what the
 * catalogue holds), listed worst first as ECR lists them.
 */
export function pickFindings(random: Random, counts: SeverityCounts): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const severity of SEVERITIES) {
    const pool = KNOWN_VULNERABILITIES.filter((known) => known.severity === severity);
    const wanted = Math.min(counts[severity] ?? 0, pool.length);
    // A partial Fisher–Yates shuffle: the first `wanted` entries are a uniform sample.
    const shuffled = [...pool];
    for (let i = 0; i < wanted; i += 1) {
      const j = random.int(i, shuffled.length - 1);
      const a = shuffled[i];
      const b = shuffled[j];
      if (a === undefined || b === undefined) break;
      shuffled[i] = b;
      shuffled[j] = a;
    }
    findings.push(
      ...shuffled
        .slice(0, wanted)
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(toFinding),
    );
  }
  return findings;
}

/**
 * What a scan of a pushed image finds. Seeded by the digest, not the simulator's Random: the
 * same image always scans the same, and clients scanning do not shift the fleet's random history.
 */
export function findingsForDigest(digest: string): ScanFinding[] {
  const random = new Random(Number.parseInt(digest.slice(-8), 16) || 1);
  return pickFindings(random, {
    CRITICAL: random.int(0, 1),
    HIGH: random.int(0, 3),
    MEDIUM: random.int(1, 5),
    LOW: random.int(0, 4),
    INFORMATIONAL: random.int(0, 2),
    UNDEFINED: random.int(0, 1),
  });
}

/** `findingSeverityCounts`: only the severities present, as ECR omits zero counts. */
export function severityCounts(findings: readonly ScanFinding[]): SeverityCounts {
  const counts: SeverityCounts = {};
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

/** A pagination key that keeps findings worst first, then by CVE and package. */
export function findingKey(finding: ScanFinding): string {
  const rank = SEVERITIES.indexOf(finding.severity);
  const pkg = finding.attributes.find((a) => a.key === 'package_name')?.value ?? '';
  return `${rank}|${finding.name}|${pkg}`;
}

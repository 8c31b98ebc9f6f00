import { ScanSeverity, type ScanFinding } from '@deckhand/shared';

/** `?severity=CRITICAL,HIGH` (any case) → the severities asked for, in ECR's order; none = all. */
export function parseSeverities(value: string | null): ScanSeverity[] {
  const asked = new Set((value ?? '').split(',').map((part) => part.trim().toUpperCase()));
  return ScanSeverity.options.filter((severity) => asked.has(severity));
}

/** The URL form of a severity selection; empty when every severity is shown. */
export function formatSeverities(severities: readonly ScanSeverity[]): string {
  return ScanSeverity.options.filter((severity) => severities.includes(severity)).join(',');
}

/** One severity switched on or off. */
export function toggleSeverity(
  severities: readonly ScanSeverity[],
  severity: ScanSeverity,
): ScanSeverity[] {
  return severities.includes(severity)
    ? severities.filter((item) => item !== severity)
    : [...severities, severity];
}

/** The findings of the selected severities (every finding when none is selected). */
export function filterFindings(
  findings: readonly ScanFinding[],
  severities: readonly ScanSeverity[],
): ScanFinding[] {
  if (severities.length === 0) return [...findings];
  return findings.filter((finding) => severities.includes(finding.severity));
}

import type { ScanFinding } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { filterFindings, formatSeverities, parseSeverities, toggleSeverity } from './findings';

const findings: ScanFinding[] = [
  { name: 'CVE-1', severity: 'CRITICAL' },
  { name: 'CVE-2', severity: 'HIGH' },
  { name: 'CVE-3', severity: 'LOW' },
];

describe('severity filter', () => {
  it('reads the URL in any case, ignoring unknown words, in ECR order', () => {
    expect(parseSeverities('low, critical,bogus')).toEqual(['CRITICAL', 'LOW']);
    expect(parseSeverities(null)).toEqual([]);
    expect(formatSeverities(['LOW', 'CRITICAL'])).toBe('CRITICAL,LOW');
  });

  it('toggles a severity and keeps only the selected findings, all when none', () => {
    expect(toggleSeverity(['HIGH'], 'LOW')).toEqual(['HIGH', 'LOW']);
    expect(toggleSeverity(['HIGH', 'LOW'], 'HIGH')).toEqual(['LOW']);
    expect(filterFindings(findings, ['CRITICAL', 'LOW']).map((f) => f.name)).toEqual([
      'CVE-1',
      'CVE-3',
    ]);
    expect(filterFindings(findings, [])).toHaveLength(3);
  });
});

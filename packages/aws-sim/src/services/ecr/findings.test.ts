import { describe, expect, it } from 'vitest';
import { Random } from '../../engine/random.js';
import { findingKey, findingsForDigest, pickFindings, severityCounts } from './findings.js';
import { SEVERITIES } from './model.js';

describe('scan findings', () => {
  it('picks distinct findings per severity, worst first, in page-key order', () => {
    const findings = pickFindings(new Random(3), {
      CRITICAL: 2,
      HIGH: 3,
      MEDIUM: 4,
      LOW: 2,
      INFORMATIONAL: 1,
      UNDEFINED: 1,
    });
    expect(severityCounts(findings)).toEqual({
      CRITICAL: 2,
      HIGH: 3,
      MEDIUM: 4,
      LOW: 2,
      INFORMATIONAL: 1,
      UNDEFINED: 1,
    });
    expect(new Set(findings.map((f) => f.name)).size).toBe(findings.length);
    const keys = findings.map(findingKey);
    expect(keys).toEqual([...keys].sort());
    expect(SEVERITIES.indexOf(findings[0]?.severity ?? 'UNDEFINED')).toBe(0);
  });

  it('caps a severity at what the catalogue holds and omits zero counts', () => {
    const findings = pickFindings(new Random(1), { UNDEFINED: 50 });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThan(50);
    expect(Object.keys(severityCounts(findings))).toEqual(['UNDEFINED']);
  });

  it('finds the same in the same image, and differs between images', () => {
    const a = `sha256:${'ab12'.repeat(16)}`;
    const b = `sha256:${'cd34'.repeat(16)}`;
    expect(findingsForDigest(a)).toEqual(findingsForDigest(a));
    expect(findingsForDigest(a)).not.toEqual(findingsForDigest(b));
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATTERNS, scanPath, scanText, type SecretFinding } from './scan-secrets.mjs';

// Fake secrets of each shape, built from parts so this file holds none of them whole (a scan of
// the repository finds no secret here).
const KEY_ID = 'AKIA' + 'Z9TESTFAKEKEY001';
const TEMP_KEY_ID = 'ASIA' + 'Z9TESTFAKEKEY002';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'FAKEKEY001';
const HEX_SIGNATURE = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const SESSION_TOKENS = ['IQoJb3Jp' + 'Z2luX2VjEFAKE+token/0==', 'FwoGZXIv' + 'YXdzEFAKEtoken'];

const CLEAN = [
  '{"clusters":[{"name":"prod-ec2","arn":"arn:aws:ecs:us-east-1:123456789012:cluster/prod-ec2"}]}',
  'aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin',
  '{"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"}]}',
  // Near misses: too short, lowercase, no word boundary, a secret key name with a short value.
  'AKIA123 akiaz9testfakekey001 XAKIAZ9TESTFAKEKEY001 secretAccessKey: "short" Signature=abc',
  "Authorization=AWS4-HMAC-SHA256 requires 'Credential', 'SignedHeaders' and 'Signature' parameters",
  'sha256:0f9e8d7c6b5a49382716f5e4d3c2b1a00f9e8d7c6b5a49382716f5e4d3c2b1a0',
].join('\n');

/** The kinds found, in order. */
const kinds = (findings: SecretFinding[]) => findings.map((finding) => finding.pattern);

describe('scanText', () => {
  it('finds nothing in clean console answers and near misses', () => {
    expect(scanText(CLEAN)).toEqual([]);
  });

  it('finds exactly each planted secret, at its place, masked', () => {
    const planted: [string, string][] = [
      ['access-key-id', `"accessKeyId":"${KEY_ID}"`],
      ['access-key-id', `key ${TEMP_KEY_ID}.`],
      ['secret-access-key', `"SecretAccessKey": "${SECRET_KEY}"`],
      ['secret-access-key', `aws_secret_access_key = ${SECRET_KEY}`],
      ['secret-access-key', `AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`],
      ['amz-signature', 'https://b.s3.amazonaws.com/k?X-Amz-Signature'],
      ['signature-param', `SignedHeaders=host, Signature=${HEX_SIGNATURE}`],
      ['sigv4-authorization', 'authorization: AWS4-HMAC-SHA256 Credential=x/20260101'],
      ['security-token-header', '"X-Amz-Security-Token":"…"'],
      ['session-token', `"sessionToken":"${SESSION_TOKENS[0]}"`],
      ['session-token', `token=${SESSION_TOKENS[1]}`],
    ];
    for (const [kind, secret] of planted) {
      const text = `${CLEAN}\n${secret}\n${CLEAN}`;
      const findings = scanText(text, { source: 'planted' });
      expect(kinds(findings), secret).toEqual([kind]);
      const [finding] = findings;
      expect(finding?.index).toBeGreaterThan(CLEAN.length);
      expect(finding?.index).toBeLessThan(CLEAN.length + 1 + secret.length);
      expect(finding?.source).toBe('planted');
      expect(finding?.masked).toMatch(/^.{4}…\(\d+ chars\)$/);
    }
    // Every pattern is proven able to fire.
    expect(new Set(planted.map(([kind]) => kind))).toEqual(new Set(PATTERNS.map((p) => p.id)));
  });

  it('finds exact values wherever they are, every time, and only those', () => {
    const value = 'deckhand-test-value-0123';
    const text = `${CLEAN}${value}x${CLEAN}\n${value}`;
    const findings = scanText(text, { values: [value, 'not-present-anywhere'] });
    expect(kinds(findings)).toEqual(['value', 'value']);
    expect(findings.map((finding) => finding.index)).toEqual([
      CLEAN.length,
      text.length - value.length,
    ]);
    expect(() => scanText(text, { values: ['short'] })).toThrow(/8 characters/);
  });

  it('skips allowed documentation examples and nothing else', () => {
    const example = 'AKIA' + 'IOSFODNN7EXAMPLE';
    expect(scanText(`${example} ${KEY_ID}`, { allow: [example] })).toMatchObject([
      { pattern: 'access-key-id', index: example.length + 1 },
    ]);
  });
});

describe('scanPath and the command line', () => {
  const root = mkdtempSync(join(tmpdir(), 'scan-secrets-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<html>${CLEAN}</html>`);
  writeFileSync(join(root, 'assets', 'app.js'), `const k = "${KEY_ID}";`);
  writeFileSync(join(root, 'assets', 'logo.png'), KEY_ID);
  // A source map: the original code counts, the VLQ mappings do not.
  writeFileSync(
    join(root, 'assets', 'app.js.map'),
    JSON.stringify({
      mappings: `AAAA,${'AKIA' + 'AAAAAAAAAAAAAAAA'},CAAC`,
      sourcesContent: [`token = "${SESSION_TOKENS[0]}"`],
    }),
  );

  it('reads every text file, skips binaries and source-map mappings', () => {
    const { files, findings } = scanPath(root);
    expect(files).toBe(3);
    expect(
      findings.map((f) => [f.source.replace(/\\/g, '/').split('/').slice(-2).join('/'), f.pattern]),
    ).toEqual([
      ['assets/app.js', 'access-key-id'],
      ['assets/app.js.map', 'session-token'],
    ]);
  });

  it('exits 1 and masks what it finds; exits 0 on a clean tree', () => {
    const script = join(import.meta.dirname, 'scan-secrets.mjs');
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [script, root, '--value', 'const k = '], { encoding: 'utf8' });
    } catch (error) {
      ({ stdout: output, status } = error as { stdout: string; status: number });
    }
    expect(status).toBe(1);
    expect(output).toContain('scanned 3 files: 3 secrets found');
    expect(output).not.toContain(KEY_ID);
    const clean = join(root, 'index.html');
    expect(execFileSync(process.execPath, [script, clean], { encoding: 'utf8' })).toContain(
      'scanned 1 files: 0 secrets found',
    );
  });
});

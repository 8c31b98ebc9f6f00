// Finds AWS secrets in text: exact credential values the caller knows, and the shapes every AWS
// credential has (access key ids, secret keys next to their name, SigV4 signatures and headers,
// session tokens). The e2e suite scans every API answer and the built SPA with it.
//
//   node scripts/scan-secrets.mjs <dir|file>... [--value <secret>]...
//
// prints one line per finding (the secret itself masked) and exits 1 when there is any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The shapes of AWS secrets; each regex is global (`g`), each id names one kind of leak. */
export const PATTERNS = [
  {
    id: 'access-key-id',
    description: 'an AWS access key id (AKIA… long-term, ASIA… temporary)',
    regex: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  },
  {
    id: 'secret-access-key',
    description: 'a 40-character secret access key next to its name',
    regex:
      /(?:aws_?secret(?:_?access)?(?:_?key)?|secret_?access_?key)["'`]?\s{0,3}[:=]\s{0,3}["'`]?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/gi,
  },
  {
    id: 'amz-signature',
    description: 'a presigned URL signature (X-Amz-Signature)',
    regex: /X-Amz-Signature/gi,
  },
  {
    id: 'signature-param',
    description: 'a request signature (Signature=<hex or base64>)',
    regex: /\bSignature=(?:[0-9a-fA-F]{64}|[A-Za-z0-9%/+_~-]{20,})/g,
  },
  {
    id: 'sigv4-authorization',
    description: 'a SigV4 Authorization header (AWS4-HMAC-SHA256 Credential=)',
    regex: /AWS4-HMAC-SHA256\s+Credential=/gi,
  },
  {
    id: 'security-token-header',
    description: 'a session token header or parameter (x-amz-security-token)',
    regex: /x-amz-security-token/gi,
  },
  {
    id: 'session-token',
    description: 'an STS session token (FwoGZXIvYXdz…, IQoJb3JpZ2lu…)',
    regex: /(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+=]*/g,
  },
];

/** Shown instead of a secret: its first four characters and its length. */
export function mask(secret) {
  return `${secret.slice(0, 4)}…(${secret.length} chars)`;
}

/**
 * Every secret in `text`: `{ pattern, index, masked, source }`, ordered by position. `values`
 * are exact secrets to look for (`pattern: 'value'`; shorter than 8 characters they would match
 * by chance and are refused); `allow` lists exact matches that are not leaks (documentation
 * examples), `source` labels the findings (a file or URL).
 */
export function scanText(text, { values = [], allow = [], source = '' } = {}) {
  const findings = [];
  for (const value of values) {
    if (typeof value !== 'string' || value.length < 8)
      throw new Error(`a secret value to look for must be 8 characters or more: ${String(value)}`);
    for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + 1))
      findings.push({ pattern: 'value', index, masked: mask(value), source });
  }
  for (const { id, regex } of PATTERNS) {
    for (const match of text.matchAll(new RegExp(regex.source, regex.flags))) {
      if (allow.includes(match[0])) continue;
      findings.push({ pattern: id, index: match.index, masked: mask(match[0]), source });
    }
  }
  return findings.sort((a, b) => a.index - b.index || a.pattern.localeCompare(b.pattern));
}

/** Files that cannot hold text worth scanning. */
const BINARY = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
  '.gz',
  '.br',
  '.zip',
]);

/**
 * A source map's text minus its `mappings`: base64 VLQ noise that would match key-id shapes by
 * chance; `sources`, `names` and `sourcesContent` (the original code) are what can leak.
 */
function sourceMapText(text) {
  try {
    const map = JSON.parse(text);
    return JSON.stringify({ ...map, mappings: undefined });
  } catch {
    return text;
  }
}

/** Every file under `path` (or `path` itself), sorted. */
export function listFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** Scans every text file under `root`; `files` counts what was read, so an empty scan shows. */
export function scanPath(root, options = {}) {
  const findings = [];
  let files = 0;
  for (const file of listFiles(root)) {
    if (BINARY.has(extname(file).toLowerCase())) continue;
    const raw = readFileSync(file, 'utf8');
    const text = file.endsWith('.map') ? sourceMapText(raw) : raw;
    files += 1;
    const source = relative(process.cwd(), file) || file;
    findings.push(...scanText(text, { ...options, source }));
  }
  return { files, findings };
}

/** One line per finding: where, which kind, the masked secret. */
export function formatFindings(findings) {
  return findings.map(
    (finding) => `${finding.source}@${finding.index}: ${finding.pattern} ${finding.masked}`,
  );
}

function main(argv) {
  const values = [];
  const paths = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--value') values.push(argv[(i += 1)] ?? '');
    else paths.push(argv[i]);
  }
  if (paths.length === 0) {
    process.stderr.write(
      'usage: node scripts/scan-secrets.mjs <dir|file>... [--value <secret>]...\n',
    );
    return 2;
  }
  let files = 0;
  const findings = [];
  for (const path of paths) {
    const result = scanPath(path, { values });
    files += result.files;
    findings.push(...result.findings);
  }
  for (const line of formatFindings(findings)) process.stdout.write(`${line}\n`);
  process.stdout.write(`scanned ${files} files: ${findings.length} secrets found\n`);
  return findings.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exit(main(process.argv.slice(2)));

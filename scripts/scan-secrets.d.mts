// Types of scan-secrets.mjs, for the TypeScript that imports it (e2e and its Vitest test).

export interface SecretPattern {
  id: string;
  description: string;
  regex: RegExp;
}

export interface SecretFinding {
  /** A pattern id, or `value` for an exact secret value. */
  pattern: string;
  /** Offset in the scanned text. */
  index: number;
  /** The first four characters and the length: never the secret itself. */
  masked: string;
  source: string;
}

export interface ScanOptions {
  values?: readonly string[];
  allow?: readonly string[];
  source?: string;
}

export const PATTERNS: readonly SecretPattern[];
export function mask(secret: string): string;
export function scanText(text: string, options?: ScanOptions): SecretFinding[];
export function listFiles(path: string): string[];
export function scanPath(
  root: string,
  options?: Omit<ScanOptions, 'source'>,
): { files: number; findings: SecretFinding[] };
export function formatFindings(findings: readonly SecretFinding[]): string[];

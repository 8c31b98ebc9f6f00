/**
 * Text typed into an input, as the value to write. Integer fields keep invalid text in the input
 * (and say so) rather than writing it; list fields read ECS-console style comma lists.
 */

export type ParsedInteger =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

/** Every numeric member the form edits (ports, CPU units, MiB, seconds, GiB) is an integer. */
export function parseIntegerText(text: string): ParsedInteger {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^[-+]?\d+$/.test(trimmed)) {
    const value = Number(trimmed);
    return Number.isSafeInteger(value)
      ? { kind: 'number', value }
      : { kind: 'invalid', message: 'enter a smaller number' };
  }
  if (/^[-+]?\d*\.\d+$/.test(trimmed) || /^[-+]?\d+\.$/.test(trimmed)) {
    return { kind: 'invalid', message: 'enter a whole number' };
  }
  return { kind: 'invalid', message: 'enter a number' };
}

/**
 * A string array as one line: `CMD-SHELL, curl -f http://localhost/ || exit 1`. When an item
 * holds a comma, is empty or has spaces at its ends, the comma form would not read back the
 * same, so the array is written as JSON instead.
 */
export function formatStringList(items: readonly string[]): string {
  const plain = items.every((item) => item !== '' && !item.includes(',') && item.trim() === item);
  return plain ? items.join(', ') : JSON.stringify(items);
}

/**
 * The string array a line means: a JSON array of strings when it starts with `[`, otherwise the
 * items between commas, trimmed (empty ones dropped). `undefined`: an unreadable JSON array.
 */
export function parseStringList(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
        ? parsed
        : undefined;
    } catch {
      return undefined;
    }
  }
  return trimmed
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Two string arrays hold the same items in the same order. */
export function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined) {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

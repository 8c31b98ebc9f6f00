import { invalidParameter } from '../protocol/errors.js';

export interface PageLimits {
  /** What AWS returns when `maxResults` is omitted (ListServices: 10). */
  defaultSize: number;
  maxSize: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Key-based pagination: the token names the last key returned, so pages stay correct while the
 * fleet changes between calls (nothing is skipped or repeated except what was added or removed).
 * Items must be sorted by `keyOf`.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  maxResults: unknown,
  nextToken: unknown,
  limits: PageLimits,
): Page<T> {
  const size = pageSize(maxResults, limits);
  let start = 0;
  if (nextToken !== undefined && nextToken !== null && nextToken !== '') {
    const after = decodeToken(nextToken);
    start = items.findIndex((item) => keyOf(item) > after);
    if (start === -1) start = items.length;
  }
  const slice = items.slice(start, start + size);
  const last = slice.at(-1);
  const more = start + size < items.length;
  return more && last !== undefined
    ? { items: slice, nextToken: encodeToken(keyOf(last)) }
    : { items: slice };
}

function pageSize(maxResults: unknown, limits: PageLimits): number {
  if (maxResults === undefined || maxResults === null) return limits.defaultSize;
  if (
    typeof maxResults !== 'number' ||
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > limits.maxSize
  ) {
    throw invalidParameter(`maxResults must be between 1 and ${limits.maxSize}.`);
  }
  return maxResults;
}

function encodeToken(key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: key })).toString('base64');
}

function decodeToken(token: unknown): string {
  if (typeof token === 'string') {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
      if (
        parsed &&
        typeof parsed === 'object' &&
        'after' in parsed &&
        typeof parsed.after === 'string'
      ) {
        return parsed.after;
      }
    } catch {
      // fall through to the AWS error below
    }
  }
  throw invalidParameter('Invalid nextToken.');
}

/**
 * paginate() for a large list already sorted by key, filtered as it is read: finds where the
 * token left off by binary search and reads only as far as one page needs. Same tokens and
 * limits as paginate(), so a client cannot tell them apart; ListTasks over a 4,000-task cluster
 * costs a page's worth of work instead of the whole cluster's.
 */
export function paginateSorted<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  matches: (item: T) => boolean,
  maxResults: unknown,
  nextToken: unknown,
  limits: PageLimits,
): Page<T> {
  const size = pageSize(maxResults, limits);
  let start = 0;
  if (nextToken !== undefined && nextToken !== null && nextToken !== '') {
    const after = decodeToken(nextToken);
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const item = sorted[mid];
      if (item !== undefined && keyOf(item) <= after) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const items: T[] = [];
  let more = false;
  for (let i = start; i < sorted.length; i += 1) {
    const item = sorted[i];
    if (item === undefined || !matches(item)) continue;
    if (items.length === size) {
      more = true;
      break;
    }
    items.push(item);
  }
  const last = items.at(-1);
  return more && last !== undefined ? { items, nextToken: encodeToken(keyOf(last)) } : { items };
}

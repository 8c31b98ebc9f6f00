/**
 * Drafts kept in the browser (localStorage) so a reload or a crash loses nothing. One draft per
 * base: a new task definition, or a revision being edited. Storage can be missing (privacy
 * modes), full (quota) or refuse (security settings): every function here answers instead of
 * throwing.
 */

export interface StoredDraft {
  /** The JSON editor's text, exactly as typed (it may not parse). */
  text: string;
  /** ISO time of the save. */
  savedAt: string;
}

export type SaveResult = { ok: true; savedAt: string } | { ok: false; error: string };

const PREFIX = 'deckhand.studio.draft:';

/** The storage key of a base: `…:new`, or `…:<region>:<family>:<revision>`. */
export function draftKey(
  base: { region: string | undefined; family: string; revision: number } | undefined,
): string {
  if (!base) return `${PREFIX}new`;
  return `${PREFIX}${base.region ?? 'home'}:${base.family}:${base.revision}`;
}

/** `window.localStorage`, or null when the browser refuses it. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The draft saved under `key`, or undefined (none, unreadable, or not one of ours). */
export function loadDraft(
  key: string,
  storage: Storage | null = browserStorage(),
): StoredDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'text' in parsed &&
      'savedAt' in parsed &&
      typeof parsed.text === 'string' &&
      typeof parsed.savedAt === 'string'
    )
      return { text: parsed.text, savedAt: parsed.savedAt };
    return undefined;
  } catch {
    return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** Saves `text` under `key`; says why when the browser refuses. */
export function saveDraft(
  key: string,
  text: string,
  now: Date = new Date(),
  storage: Storage | null = browserStorage(),
): SaveResult {
  if (!storage)
    return {
      ok: false,
      error: 'This browser does not allow local storage: the draft is not saved.',
    };
  const savedAt = now.toISOString();
  try {
    storage.setItem(key, JSON.stringify({ text, savedAt } satisfies StoredDraft));
    return { ok: true, savedAt };
  } catch (error) {
    if (isQuotaError(error))
      return {
        ok: false,
        error:
          'The browser’s storage is full: the draft is not saved locally. Register or export it to keep it.',
      };
    return {
      ok: false,
      error: `The draft could not be saved locally: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Forgets the draft under `key` (after a register, or when the user discards it). */
export function clearDraft(key: string, storage: Storage | null = browserStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed is restored next time, and can be discarded.
  }
}

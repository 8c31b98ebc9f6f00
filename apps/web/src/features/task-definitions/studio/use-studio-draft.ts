import type { JsonObject } from '@deckhand/shared/taskdef';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from './lib/draft-storage';
import { parseJsonText, type ParsedText } from './lib/json-text';
import { toText } from './lib/starter';

/** What a draft starts from: a revision's document, or the starter of a new task definition. */
export interface StudioBase {
  /** The localStorage key of drafts of this base (see `draftKey`). */
  storageKey: string;
  document: JsonObject;
}

/** How long typing pauses before the draft is written to localStorage. */
export const AUTOSAVE_DELAY_MS = 400;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function restore(base: StudioBase, initialText: string | undefined) {
  if (initialText !== undefined)
    return { text: initialText, restoredFrom: undefined, saved: undefined };
  const baseText = toText(base.document);
  const saved = loadDraft(base.storageKey);
  return saved && saved.text !== baseText
    ? { text: saved.text, restoredFrom: saved.savedAt, saved: saved }
    : { text: baseText, restoredFrom: undefined, saved: undefined };
}

/**
 * The studio's draft: the JSON text (the source of truth, never thrown away even when it does
 * not parse) and the document parsed from it. Restores a draft saved in this browser, autosaves
 * every change (debounced), and says whether the draft differs from its base. `initialText`
 * (an import made before the studio opened) starts the draft instead of a saved one.
 */
export function useStudioDraft(base: StudioBase, initialText?: string) {
  const [initial] = useState(() => restore(base, initialText));
  const [text, setText] = useState(initial.text);
  const [restoredFrom, setRestoredFrom] = useState(initial.restoredFrom);
  const [saved, setSaved] = useState<{ text: string; savedAt: string } | undefined>(initial.saved);
  const [storageError, setStorageError] = useState<string>();
  /** Set once the draft is registered: nothing is saved any more. */
  const finished = useRef(false);

  const parsed: ParsedText = useMemo(() => parseJsonText(text), [text]);
  const document = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  const baseJson = useMemo(() => JSON.stringify(base.document), [base.document]);
  const dirty = parsed.ok ? JSON.stringify(parsed.value) !== baseJson : true;
  const key = base.storageKey;

  useEffect(() => {
    const timer = setTimeout(() => {
      if (finished.current) return;
      if (!dirty) {
        clearDraft(key);
        setSaved(undefined);
        setStorageError(undefined);
        return;
      }
      const result = saveDraft(key, text);
      if (result.ok) {
        setSaved({ text, savedAt: result.savedAt });
        setStorageError(undefined);
      } else setStorageError(result.error);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, key]);

  const setDocument = useCallback((next: JsonObject) => setText(toText(next)), []);

  const discard = useCallback(() => {
    clearDraft(key);
    setText(toText(base.document));
    setSaved(undefined);
    setRestoredFrom(undefined);
  }, [key, base.document]);

  /** After a register: the draft is done with, forget it here and in storage. */
  const finish = useCallback(() => {
    finished.current = true;
    clearDraft(key);
  }, [key]);

  return {
    text,
    parsed,
    /** The parsed document when the text is a JSON object; undefined otherwise. */
    document,
    dirty,
    /** When the draft was last written to localStorage, if it is the current text. */
    savedAt: saved && saved.text === text ? saved.savedAt : undefined,
    storageError,
    /** When a draft from an earlier visit was restored (until dismissed or discarded). */
    restoredFrom,
    setText,
    setDocument,
    discard,
    finish,
    dismissRestored: useCallback(() => setRestoredFrom(undefined), []),
  };
}

export type StudioDraft = ReturnType<typeof useStudioDraft>;

import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft-storage';

function memoryStorage(setItem?: (key: string, value: string) => void): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: setItem ?? ((key, value) => void items.set(key, value)),
  };
}

describe('draftKey', () => {
  it('has one key per base', () => {
    expect(draftKey(undefined)).toBe('deckhand.studio.draft:new');
    expect(draftKey({ region: 'eu-west-1', family: 'web', revision: 7 })).toBe(
      'deckhand.studio.draft:eu-west-1:web:7',
    );
    expect(draftKey({ region: undefined, family: 'web', revision: 7 })).toBe(
      'deckhand.studio.draft:home:web:7',
    );
  });
});

describe('draft storage', () => {
  it('saves, loads and clears a draft', () => {
    const storage = memoryStorage();
    const result = saveDraft('k', '{"family":', new Date('2026-11-26T10:00:00Z'), storage);
    expect(result).toEqual({ ok: true, savedAt: '2026-11-26T10:00:00.000Z' });
    expect(loadDraft('k', storage)).toEqual({
      text: '{"family":',
      savedAt: '2026-11-26T10:00:00.000Z',
    });
    clearDraft('k', storage);
    expect(loadDraft('k', storage)).toBeUndefined();
  });

  it('says so when the storage is full, without throwing', () => {
    const storage = memoryStorage(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const result = saveDraft('k', 'text', new Date(), storage);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/storage is full/);
  });

  it('reports other refusals and a missing storage', () => {
    const refusing = memoryStorage(() => {
      throw new Error('denied');
    });
    const refused = saveDraft('k', 'text', new Date(), refusing);
    expect(refused.ok ? '' : refused.error).toMatch(/denied/);
    expect(saveDraft('k', 'text', new Date(), null).ok).toBe(false);
  });

  it('ignores what is not a draft', () => {
    const storage = memoryStorage();
    storage.setItem('a', 'not json');
    storage.setItem('b', JSON.stringify({ text: 1 }));
    expect(loadDraft('a', storage)).toBeUndefined();
    expect(loadDraft('b', storage)).toBeUndefined();
    expect(loadDraft('missing', storage)).toBeUndefined();
  });
});

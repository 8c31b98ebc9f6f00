import { afterEach, describe, expect, it } from 'vitest';
import { createShortcutMatcher, focusPageFilter, isTypingTarget, type KeyPress } from './shortcuts';

function press(key: string, overrides: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: document.body,
    timeStamp: 0,
    ...overrides,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isTypingTarget', () => {
  it('is true for text fields, text areas, selects and editable elements', () => {
    document.body.innerHTML = `
      <input id="text" /><input id="search" type="search" /><textarea id="area"></textarea>
      <select id="select"></select><div contenteditable="true"><span id="inside"></span></div>`;
    for (const id of ['text', 'search', 'area', 'select', 'inside'])
      expect(isTypingTarget(document.getElementById(id)), id).toBe(true);
  });

  it('is false for buttons, radios, checkboxes and the page itself', () => {
    document.body.innerHTML = `
      <button id="button"></button><input id="radio" type="radio" />
      <input id="check" type="checkbox" /><div contenteditable="false" id="fixed"></div>`;
    for (const id of ['button', 'radio', 'check', 'fixed'])
      expect(isTypingTarget(document.getElementById(id)), id).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('createShortcutMatcher', () => {
  it('answers the single-key shortcuts', () => {
    const match = createShortcutMatcher();
    expect(match(press('/'))).toBe('filter');
    expect(match(press('?'))).toBe('help');
    expect(match(press('a'))).toBeUndefined();
  });

  it('opens the palette with Ctrl+K and Cmd+K, even while typing', () => {
    const match = createShortcutMatcher();
    const input = document.createElement('input');
    expect(match(press('k', { ctrlKey: true }))).toBe('palette');
    expect(match(press('K', { metaKey: true, target: input }))).toBe('palette');
    expect(match(press('k', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('ignores single keys and sequences while the user types', () => {
    const match = createShortcutMatcher();
    const input = document.createElement('input');
    expect(match(press('/', { target: input }))).toBeUndefined();
    expect(match(press('?', { target: input }))).toBeUndefined();
    expect(match(press('g', { target: input }))).toBeUndefined();
    expect(match(press('c', { target: document.body }))).toBeUndefined();
  });

  it('completes g sequences within the timeout only', () => {
    const match = createShortcutMatcher(1000);
    expect(match(press('g', { timeStamp: 0 }))).toBeUndefined();
    expect(match(press('c', { timeStamp: 500 }))).toBe('go-clusters');
    match(press('g', { timeStamp: 1000 }));
    expect(match(press('t', { timeStamp: 1500 }))).toBe('go-task-definitions');
    match(press('g', { timeStamp: 2000 }));
    expect(match(press('r', { timeStamp: 2100 }))).toBe('go-registry');
    match(press('g', { timeStamp: 3000 }));
    expect(match(press('x', { timeStamp: 3100 }))).toBe('go-traces');
    match(press('g', { timeStamp: 4000 }));
    expect(match(press('c', { timeStamp: 5500 }))).toBeUndefined();
  });

  it('forgets a pending g after any other key or a modified key', () => {
    const match = createShortcutMatcher();
    match(press('g'));
    match(press('z'));
    expect(match(press('c'))).toBeUndefined();
    match(press('g'));
    expect(match(press('c', { ctrlKey: true }))).toBeUndefined();
    expect(match(press('c'))).toBeUndefined();
  });
});

describe('focusPageFilter', () => {
  it('prefers the element marked data-page-filter', () => {
    document.body.innerHTML = `<input type="search" id="other" /><input id="filter" data-page-filter />`;
    expect(focusPageFilter()).toBe(true);
    expect(document.activeElement?.id).toBe('filter');
  });

  it('falls back to the first search field, and says when there is none', () => {
    document.body.innerHTML = `<input id="plain" /><input type="search" id="search" />`;
    expect(focusPageFilter()).toBe(true);
    expect(document.activeElement?.id).toBe('search');
    document.body.innerHTML = `<input id="plain" />`;
    expect(focusPageFilter()).toBe(false);
  });
});

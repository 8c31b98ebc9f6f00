import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyTheme,
  initTheme,
  readThemePreference,
  resolveTheme,
  setThemePreference,
  subscribeTheme,
  THEME_STORAGE_KEY,
} from './theme';

function stubSystemDark(dark: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => ({ matches: dark, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
  );
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
  vi.unstubAllGlobals();
});

describe('theme', () => {
  it('reads `system` when nothing valid is stored', () => {
    expect(readThemePreference()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readThemePreference()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(readThemePreference()).toBe('dark');
  });

  it('resolves `system` by the operating system’s scheme', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('toggles the dark class and color-scheme on <html>', () => {
    const root = document.documentElement;
    expect(applyTheme('dark', root, false)).toBe('dark');
    expect(root.classList.contains('dark')).toBe(true);
    expect(root.style.colorScheme).toBe('dark');
    applyTheme('light', root, true);
    expect(root.classList.contains('dark')).toBe(false);
    applyTheme('system', root, true);
    expect(root.classList.contains('dark')).toBe(true);
  });

  it('persists a choice, forgets it for `system`, and tells subscribers', () => {
    stubSystemDark(false);
    const listener = vi.fn();
    const unsubscribe = subscribeTheme(listener);
    setThemePreference('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    setThemePreference('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    setThemePreference('light');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('applies the stored choice at start-up', () => {
    stubSystemDark(true);
    expect(initTheme()).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    expect(initTheme()).toBe('light');
    expect(document.documentElement.classList.contains('dark')).toBe(false);
  });
});

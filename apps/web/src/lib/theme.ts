/**
 * The colour theme: the user's preference (light, dark, or whatever the system says), kept in
 * localStorage and applied as the `dark` class on <html> (index.css: `@custom-variant dark`).
 * main.tsx applies it before the first render so a dark page never flashes light.
 */

export type ThemePreference = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'deckhand-theme';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['light', 'dark', 'system'];

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isPreference(value: unknown): value is ThemePreference {
  return value === 'light' || value === 'dark' || value === 'system';
}

/** The stored preference; `system` when none is stored or storage is unavailable (private mode). */
export function readThemePreference(storage: Storage | undefined = safeStorage()): ThemePreference {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return isPreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function darkMedia(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
}

/** Whether the operating system asks for dark colours. */
export function systemPrefersDark(): boolean {
  return darkMedia()?.matches ?? false;
}

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): Theme {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}

/**
 * Puts the theme on the document: the `dark` class for Tailwind, and `color-scheme` so native
 * controls and scrollbars follow (set through the CSSOM, which the CSP allows).
 */
export function applyTheme(
  preference: ThemePreference,
  root: HTMLElement = document.documentElement,
  prefersDark: boolean = systemPrefersDark(),
): Theme {
  const theme = resolveTheme(preference, prefersDark);
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
  return theme;
}

const listeners = new Set<() => void>();

/** Stores the preference, applies it, and tells every subscriber. */
export function setThemePreference(
  preference: ThemePreference,
  storage: Storage | undefined = safeStorage(),
): void {
  try {
    if (preference === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage refused (quota, private mode): the choice still holds for this page.
  }
  applyTheme(preference);
  for (const listener of listeners) listener();
}

/**
 * Follows what changes the theme from outside: the system scheme (matters under `system`) and
 * another tab storing a preference. Returns the unsubscribe function.
 */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  const media = darkMedia();
  const onSystem = () => {
    applyTheme(readThemePreference());
    listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    onSystem();
  };
  media?.addEventListener('change', onSystem);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', onSystem);
    window.removeEventListener('storage', onStorage);
  };
}

/** Applies the stored preference; main.tsx calls it before React renders anything. */
export function initTheme(): Theme {
  return applyTheme(readThemePreference());
}

import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { createShortcutMatcher, focusPageFilter, type GoTarget } from '../../lib/shortcuts';
import { NAV_ITEMS } from './side-nav';
import { withRegion } from './region-path';

export interface ShortcutHandlers {
  /** Ctrl/Cmd+K: open the palette, or close it when it is open. */
  onPalette: () => void;
  onHelp: () => void;
  /** Whether the palette is open (then only Ctrl/Cmd+K acts, to close it). */
  paletteOpen: boolean;
}

/** Whether a modal dialog (the palette's or another's: a confirmation, the help) is open. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/**
 * The console-wide keys (lib/shortcuts.ts says which): one keydown listener on the window. While a
 * modal dialog is open nothing but Ctrl/Cmd+K (to close the palette) acts, so a key never reaches
 * behind the dialog.
 */
export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  const navigate = useNavigate();
  const { search } = useLocation();
  const latest = useRef({ handlers, navigate, search });
  useEffect(() => {
    latest.current = { handlers, navigate, search };
  });

  useEffect(() => {
    const match = createShortcutMatcher();
    const go = (target: GoTarget) => {
      const item = NAV_ITEMS.find((candidate) => candidate.target === target);
      const { navigate: to, search: current } = latest.current;
      if (item) void to(withRegion(item.path, current));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = match(event);
      if (!shortcut) return;
      const { onPalette, onHelp, paletteOpen } = latest.current.handlers;
      if (modalOpen() && !(shortcut === 'palette' && paletteOpen)) return;
      // `/` on a page without a filter keeps the browser's meaning (quick find).
      if (shortcut === 'filter' && !focusPageFilter()) return;
      event.preventDefault();
      if (shortcut === 'palette') onPalette();
      else if (shortcut === 'help') onHelp();
      else if (shortcut !== 'filter') go(shortcut.slice('go-'.length) as GoTarget);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

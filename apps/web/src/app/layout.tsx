import { useState } from 'react';
import { Outlet } from 'react-router';
import { CommandPalette } from './shell/command-palette';
import { ShortcutsDialog } from './shell/shortcuts-dialog';
import { SideNav } from './shell/side-nav';
import { TopBar } from './shell/top-bar';
import { useGlobalShortcuts } from './shell/use-global-shortcuts';

/**
 * The shell: a skip link, the top bar (environment, freshness, palette, theme), the navigation,
 * and the page in `<main id="main">`; plus the command palette and the shortcuts dialog.
 */
export function Layout() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useGlobalShortcuts({
    paletteOpen,
    onPalette: () => setPaletteOpen((open) => !open),
    onHelp: () => setHelpOpen(true),
  });

  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        onClick={(event) => {
          // Move focus without a hash in the URL (the router owns the URL).
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-900 shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        Skip to content
      </a>
      <TopBar onOpenPalette={() => setPaletteOpen(true)} onOpenHelp={() => setHelpOpen(true)} />
      <div className="flex flex-1 flex-col md:flex-row">
        <SideNav />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
          <Outlet />
        </main>
      </div>
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

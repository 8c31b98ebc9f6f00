import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { sessionQueryOptions, useLogout } from '../../features/session/api/session-queries';
import { healthQueryOptions } from '../../features/system/api/health-queries';
import { EnvironmentBadges } from './environment-badges';
import { FreshnessIndicator } from './freshness-indicator';
import { SearchIcon } from './icons';
import { RegionSwitch } from './region-switch';
import { ThemeToggle } from './theme-toggle';

const focusRing = 'outline-none focus-visible:ring-2 focus-visible:ring-sky-400';

/**
 * The top bar: where the console points (mode, account, region, read-only), how fresh the data on
 * screen is, the palette and shortcut help, the theme, and signing out. Dark in both themes.
 */
export function TopBar({
  onOpenPalette,
  onOpenHelp,
}: {
  onOpenPalette: () => void;
  onOpenHelp: () => void;
}) {
  const health = useQuery(healthQueryOptions());
  const session = useQuery(sessionQueryOptions());
  const logout = useLogout();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;

  return (
    <header className="flex min-h-12 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-800 bg-slate-900 px-4 py-2 text-white">
      <div className="flex items-center gap-3">
        <img src="/favicon.svg" alt="" className="h-6 w-6" />
        <span className="font-semibold tracking-tight">Deckhand</span>
        <button
          type="button"
          onClick={onOpenPalette}
          aria-keyshortcuts="Control+K Meta+K"
          className={`flex items-center gap-2 rounded-md bg-slate-800 px-2.5 py-1 text-sm text-slate-300 ring-1 ring-slate-700 hover:bg-slate-700 hover:text-white sm:w-56 ${focusRing}`}
        >
          <SearchIcon className="h-4 w-4" />
          <span className="flex-1 text-left">Search…</span>
          <kbd className="hidden rounded border border-slate-600 px-1 font-sans text-xs text-slate-300 sm:inline">
            Ctrl K
          </kbd>
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {health.data && (
          <>
            <EnvironmentBadges health={health.data} region={region} />
            <FreshnessIndicator />
            <RegionSwitch regions={health.data.regions} current={health.data.region} />
          </>
        )}
        {health.isError && <span className="text-xs text-red-300">Server unreachable</span>}
        <ThemeToggle />
        <button
          type="button"
          onClick={onOpenHelp}
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          className={`flex h-7 w-7 items-center justify-center rounded-md text-sm font-semibold text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white ${focusRing}`}
        >
          ?
        </button>
        {session.data?.required && (
          <button
            type="button"
            onClick={() => logout.mutate()}
            className={`rounded px-2 py-1 text-xs text-slate-300 ring-1 ring-slate-600 hover:bg-slate-800 hover:text-white ${focusRing}`}
          >
            Sign out
          </button>
        )}
      </div>
    </header>
  );
}

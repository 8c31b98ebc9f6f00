import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { sessionQueryOptions, useLogout } from '../features/session/api/session-queries';
import { healthQueryOptions } from '../features/system/api/health-queries';

function RegionSwitch({ regions, current }: { regions: string[]; current: string }) {
  const [params, setParams] = useSearchParams();
  const selected = params.get('region') ?? current;
  return (
    <label className="flex items-center gap-2 text-xs text-slate-300">
      Region
      <select
        aria-label="Region"
        value={selected}
        disabled={regions.length < 2}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          if (event.target.value === current) next.delete('region');
          else next.set('region', event.target.value);
          setParams(next);
        }}
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white disabled:opacity-80"
      >
        {regions.map((region) => (
          <option key={region} value={region}>
            {region}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The shell: navigation on the left, the environment (mode, region, read-only) on top. */
export function Layout() {
  const health = useQuery(healthQueryOptions());
  const session = useQuery(sessionQueryOptions());
  const logout = useLogout();
  const [params] = useSearchParams();
  const region = params.get('region');
  const keep = region ? `?region=${encodeURIComponent(region)}` : '';

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center justify-between gap-4 bg-slate-900 px-4 text-white">
        <div className="flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          <span className="font-semibold tracking-tight">Deckhand</span>
        </div>
        <div className="flex items-center gap-3 text-sm">
          {health.data && (
            <>
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${
                  health.data.mode === 'simulator'
                    ? 'bg-sky-500/20 text-sky-200'
                    : 'bg-orange-500/20 text-orange-200'
                }`}
              >
                {health.data.mode === 'simulator' ? 'Simulator' : 'AWS'}
              </span>
              {health.data.readOnly && (
                <span className="rounded bg-slate-700 px-2 py-0.5 text-xs font-medium text-slate-100">
                  Read-only
                </span>
              )}
              <RegionSwitch regions={health.data.regions} current={health.data.region} />
            </>
          )}
          {health.isError && <span className="text-xs text-red-300">Server unreachable</span>}
          {session.data?.required && (
            <button
              type="button"
              onClick={() => logout.mutate()}
              className="rounded px-2 py-1 text-xs text-slate-300 ring-1 ring-slate-600 hover:bg-slate-800 hover:text-white"
            >
              Sign out
            </button>
          )}
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="w-48 shrink-0 border-r border-slate-200 bg-white p-3">
          <ul className="space-y-1 text-sm">
            <li>
              <NavLink
                to={`/clusters${keep}`}
                className={({ isActive }) =>
                  `block rounded-md px-3 py-1.5 ${isActive ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`
                }
              >
                Clusters
              </NavLink>
            </li>
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

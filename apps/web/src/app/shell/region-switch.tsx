import { useSearchParams } from 'react-router';

/**
 * The region the console shows, kept in `?region=` (absent: the BFF's home region). Disabled
 * when the BFF offers one region only.
 */
export function RegionSwitch({ regions, current }: { regions: string[]; current: string }) {
  const [params, setParams] = useSearchParams();
  const selected = params.get('region') ?? current;
  return (
    <label className="flex items-center gap-2 text-xs text-slate-300">
      <span className="max-lg:sr-only">Region</span>
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
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-80"
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

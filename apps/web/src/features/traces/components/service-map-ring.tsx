import type { HealthShare, Outcome } from '../lib/service-map-model';
import { ringArcs } from '../lib/service-map-ring';

/** Stroke colours per outcome: the same hues as the trace badges, visible on both themes. */
export const OUTCOME_STROKE: Record<Outcome, string> = {
  ok: 'stroke-emerald-500',
  error: 'stroke-amber-500',
  throttle: 'stroke-violet-500',
  fault: 'stroke-red-600 dark:stroke-red-500',
};

/** The swatch beside a legend entry or a table cell, in the ring's colour. */
export const OUTCOME_SWATCH: Record<Outcome, string> = {
  ok: 'bg-emerald-500',
  error: 'bg-amber-500',
  throttle: 'bg-violet-500',
  fault: 'bg-red-600 dark:bg-red-500',
};

/**
 * A node's health as a ring: ok, 4xx, 429 and 5xx arcs in proportion, the OK share in the
 * middle. Decorative: the node's label and the table say the same in words.
 */
export function HealthRing({
  shares,
  size = 44,
}: {
  shares: readonly HealthShare[];
  size?: number;
}) {
  const stroke = size / 8;
  const circle = { cx: size / 2, cy: size / 2, r: (size - stroke) / 2 };
  const ok = shares.find((share) => share.outcome === 'ok');
  const counted = shares.some((share) => share.count > 0);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      className="shrink-0"
    >
      <circle
        {...circle}
        fill="none"
        strokeWidth={stroke}
        className="stroke-slate-200 dark:stroke-slate-700"
      />
      {ringArcs(shares, circle).map((arc) => (
        <path
          key={arc.outcome}
          d={arc.d}
          fill="none"
          strokeWidth={stroke}
          className={OUTCOME_STROKE[arc.outcome]}
        />
      ))}
      <text
        x="50%"
        y="50%"
        dominantBaseline="central"
        textAnchor="middle"
        className="fill-slate-700 text-[10px] font-semibold dark:fill-slate-200"
      >
        {counted && ok ? `${Math.floor(ok.share * 100)}%` : '–'}
      </text>
    </svg>
  );
}

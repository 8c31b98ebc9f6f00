import type { HealthShare, Outcome } from './service-map-model';

/** One coloured arc of a node's health ring: an SVG path drawn as a stroke around the circle. */
export interface RingArc {
  outcome: Outcome;
  d: string;
}

const point = (cx: number, cy: number, r: number, turn: number) => {
  // Turns clockwise from 12 o'clock.
  const angle = turn * 2 * Math.PI - Math.PI / 2;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return `${round(cx + r * Math.cos(angle))} ${round(cy + r * Math.sin(angle))}`;
};

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  // A single SVG arc cannot close a full circle: draw two halves.
  if (to - from >= 0.9999) {
    return `M ${point(cx, cy, r, 0)} A ${r} ${r} 0 1 1 ${point(cx, cy, r, 0.5)} A ${r} ${r} 0 1 1 ${point(cx, cy, r, 0)}`;
  }
  const large = to - from > 0.5 ? 1 : 0;
  return `M ${point(cx, cy, r, from)} A ${r} ${r} 0 ${large} 1 ${point(cx, cy, r, to)}`;
}

/**
 * The ring's arcs, clockwise from the top in the order of the shares; empty shares draw nothing,
 * so a map with no requests shows only the ring's track.
 */
export function ringArcs(
  shares: readonly HealthShare[],
  circle: { cx: number; cy: number; r: number },
): RingArc[] {
  const arcs: RingArc[] = [];
  let from = 0;
  for (const { outcome, share } of shares) {
    if (share <= 0) continue;
    const to = Math.min(1, from + share);
    arcs.push({ outcome, d: arc(circle.cx, circle.cy, circle.r, from, to) });
    from = to;
  }
  return arcs;
}

import type { PortFinding } from '@deckhand/shared';
import { useId } from 'react';
import { explainFinding, findingTitle, type PortRange } from '../lib/port-explanations';

const TONES: Record<PortFinding['severity'], { border: string; badge: string }> = {
  error: {
    border: 'border-l-red-600',
    badge: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  },
  warning: {
    border: 'border-l-amber-500',
    badge: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  },
  info: {
    border: 'border-l-sky-500',
    badge: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  },
};

function Finding({ finding, range }: { finding: PortFinding; range: PortRange }) {
  const id = useId();
  const tone = TONES[finding.severity];
  return (
    <li
      aria-labelledby={id}
      data-kind={finding.kind}
      data-severity={finding.severity}
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900 ${tone.border}`}
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${tone.badge}`}>
          {finding.severity}
        </span>
        <span id={id} className="font-semibold text-slate-900 dark:text-slate-100">
          {findingTitle(finding)}
        </span>
        {finding.hostPort !== undefined && (
          <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
            host port {finding.hostPort}
          </span>
        )}
      </p>
      <p className="mt-2 text-sm text-slate-800 dark:text-slate-200">{finding.message}</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        <span className="font-medium text-slate-700 dark:text-slate-200">Why: </span>
        {explainFinding(finding, range)}
      </p>
    </li>
  );
}

/**
 * What keeps tasks from being placed or reached (conflicts, unplaceable tasks, reserved ports,
 * the ephemeral range to open), most severe first as the BFF sorts them, each with the why.
 */
export function PortFindings({ findings, range }: { findings: PortFinding[]; range: PortRange }) {
  return (
    <section aria-labelledby="port-findings-heading" className="space-y-2">
      <h2 id="port-findings-heading" className="text-sm font-semibold">
        Findings
        <span className="ml-2 font-normal text-slate-600 dark:text-slate-300">
          {findings.length}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No conflicts, unplaceable tasks or reserved ports.
        </p>
      ) : (
        <ul aria-label="Port findings" className="space-y-2">
          {findings.map((finding, index) => (
            <Finding key={`${finding.kind}-${index}`} finding={finding} range={range} />
          ))}
        </ul>
      )}
    </section>
  );
}

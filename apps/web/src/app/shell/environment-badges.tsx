import { parseArn, type HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { clustersQueryOptions } from '../../features/clusters/api/clusters-queries';

/** The AWS account the console looks at, from the first ARN that names one. */
export function accountIdFromArns(arns: readonly string[]): string | undefined {
  for (const arn of arns) {
    const accountId = parseArn(arn)?.accountId;
    if (accountId) return accountId;
  }
  return undefined;
}

/** "Simulator", or "AWS · <account> · <region>" (the account once a cluster ARN names it). */
export function modeLabel(
  mode: HealthResponse['mode'],
  accountId: string | undefined,
  region: string,
): string {
  if (mode === 'simulator') return 'Simulator';
  return ['AWS', accountId, region].filter(Boolean).join(' · ');
}

/**
 * Where the console points: the simulator or an AWS account and region, and whether it refuses
 * every change (read-only). In AWS mode the account comes from the clusters list (the same query
 * the clusters page shows, so it costs no extra call there).
 */
export function EnvironmentBadges({
  health,
  region,
}: {
  health: HealthResponse;
  /** The region shown (`?region=`), or undefined for the BFF's home region. */
  region: string | undefined;
}) {
  const clusters = useQuery({
    ...clustersQueryOptions(region),
    select: (data) => data.clusters.map((cluster) => cluster.arn),
    enabled: health.mode === 'aws',
    // The account never changes: no polling of our own (the clusters page polls when shown).
    refetchInterval: false,
    staleTime: 10 * 60_000,
  });
  const accountId = accountIdFromArns(clusters.data ?? []);
  return (
    <>
      <span
        data-testid="mode-badge"
        className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${
          health.mode === 'simulator'
            ? 'bg-sky-500/20 text-sky-200'
            : 'bg-orange-500/20 text-orange-200'
        }`}
      >
        {modeLabel(health.mode, accountId, region ?? health.region)}
      </span>
      {health.readOnly && (
        <span
          title="Deckhand refuses every change (DECKHAND_READ_ONLY)"
          className="rounded bg-slate-700 px-2 py-0.5 text-xs font-medium text-slate-100"
        >
          Read-only
        </span>
      )}
    </>
  );
}

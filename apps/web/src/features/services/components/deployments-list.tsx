import type { Deployment } from '@deckhand/shared';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';

const STATUS_STYLE: Record<string, string> = {
  PRIMARY: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200',
  ACTIVE: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

function barTone(deployment: Deployment): string {
  if (deployment.rolloutState === 'FAILED') return 'bg-red-500';
  if (deployment.runningCount >= deployment.desiredCount) return 'bg-emerald-500';
  return 'bg-sky-500';
}

/** A service's deployments, the primary first, each with its rollout progress. */
export function DeploymentsList({ deployments }: { deployments: Deployment[] }) {
  return (
    <section aria-labelledby="deployments-heading" className="space-y-2">
      <h2 id="deployments-heading" className="text-sm font-semibold">
        Deployments
      </h2>
      <ul className={`${PANEL} divide-y divide-slate-100 dark:divide-slate-800`}>
        {deployments.map((deployment) => (
          <li key={deployment.id} className="space-y-2 px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[deployment.status] ?? STATUS_STYLE.ACTIVE}`}
              >
                {deployment.status}
              </span>
              <span className="font-mono">{deployment.taskDefinition}</span>
              {deployment.rolloutState && (
                <span
                  className={`text-xs font-medium ${deployment.rolloutState === 'FAILED' ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
                >
                  {deployment.rolloutState.replace('_', ' ').toLowerCase()}
                </span>
              )}
              <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
                {deployment.createdAt && `started ${formatTime(deployment.createdAt)}`}
              </span>
            </div>
            <ProgressBar
              label={`Rollout of ${deployment.taskDefinition}`}
              value={deployment.runningCount}
              max={deployment.desiredCount}
              tone={barTone(deployment)}
            />
            <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
              {deployment.runningCount} of {deployment.desiredCount} running
              {deployment.pendingCount > 0 && ` · ${deployment.pendingCount} pending`}
              {deployment.failedTasks > 0 && (
                <span className="text-red-700 dark:text-red-300">
                  {' '}
                  · {deployment.failedTasks} failed
                </span>
              )}
            </p>
            {deployment.rolloutStateReason && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {deployment.rolloutStateReason}
              </p>
            )}
          </li>
        ))}
        {deployments.length === 0 && (
          <li className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
            No deployments.
          </li>
        )}
      </ul>
    </section>
  );
}

import type { LifecycleRuleSummary } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../../../components/ui/copy-button';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import {
  lifecyclePolicyQueryOptions,
  repositoryPolicyQueryOptions,
  type RepositoryScope,
} from '../api/registry-queries';
import { describeRule } from '../lib/lifecycle-rules';

function Json({ value, label }: { value: unknown; label: string }) {
  const json = JSON.stringify(value, null, 2);
  return (
    <div className="relative">
      <div className="absolute top-2 right-2">
        <CopyButton value={json} label={label} />
      </div>
      <pre
        aria-label={label}
        className="max-h-80 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200"
      >
        {json}
      </pre>
    </div>
  );
}

function Rules({ rules }: { rules: readonly LifecycleRuleSummary[] }) {
  return (
    <ol aria-label="Lifecycle rules" className="space-y-1 text-sm">
      {rules.map((rule) => (
        <li key={rule.priority}>
          <span className="mr-2 rounded bg-slate-100 px-1.5 text-xs font-medium tabular-nums dark:bg-slate-800">
            Priority {rule.priority}
          </span>
          {describeRule(rule)}
          {rule.description && <span className={`block text-xs ${MUTED}`}>{rule.description}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The repository policy (IAM, as JSON) and the lifecycle policy with its rules in words. */
export function RepositoryPolicies({ scope }: { scope: RepositoryScope }) {
  const policy = useQuery(repositoryPolicyQueryOptions(scope));
  const lifecycle = useQuery(lifecyclePolicyQueryOptions(scope));
  return (
    <section aria-labelledby="policies-heading" className="space-y-2">
      <h2 id="policies-heading" className="text-base font-semibold">
        Policies
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="repository-policy-heading" className={`${PANEL} space-y-2 p-4`}>
          <h3 id="repository-policy-heading" className="text-sm font-semibold">
            Repository policy
          </h3>
          {policy.isError ? (
            <QueryError title="The repository policy could not be loaded" query={policy} />
          ) : !policy.data ? (
            <Skeleton label="repository policy" rows={2} />
          ) : policy.data.policy === null ? (
            <p className={`text-sm ${MUTED}`}>No repository policy</p>
          ) : (
            <Json value={policy.data.policy} label="repository policy JSON" />
          )}
        </section>
        <section aria-labelledby="lifecycle-policy-heading" className={`${PANEL} space-y-2 p-4`}>
          <h3 id="lifecycle-policy-heading" className="text-sm font-semibold">
            Lifecycle policy
          </h3>
          {lifecycle.isError ? (
            <QueryError title="The lifecycle policy could not be loaded" query={lifecycle} />
          ) : !lifecycle.data ? (
            <Skeleton label="lifecycle policy" rows={2} />
          ) : lifecycle.data.lifecyclePolicy === null ? (
            <p className={`text-sm ${MUTED}`}>No lifecycle policy</p>
          ) : (
            <>
              <Rules rules={lifecycle.data.rules ?? []} />
              {lifecycle.data.lastEvaluatedAt && (
                <p className={`text-xs ${MUTED}`}>
                  Last evaluated{' '}
                  <time dateTime={lifecycle.data.lastEvaluatedAt}>
                    {formatTime(lifecycle.data.lastEvaluatedAt)}
                  </time>
                </p>
              )}
              <Json value={lifecycle.data.lifecyclePolicy} label="lifecycle policy JSON" />
            </>
          )}
        </section>
      </div>
    </section>
  );
}

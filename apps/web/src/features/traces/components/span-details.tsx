import type { TraceSpan } from '@deckhand/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { JsonView } from '../../../components/ui/json-view';
import { LINK, MUTED, PANEL } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';
import { formatDuration } from '../lib/timeline';
import { OutcomeBadges } from './outcome-badges';

type Row = [label: string, value: ReactNode];

function Fields({ title, rows }: { title: string; rows: Row[] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <div>
      <h3 className={`mb-1 text-xs font-medium uppercase tracking-wide ${MUTED}`}>{title}</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
        {shown.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className={MUTED}>{label}</dt>
            <dd className="min-w-0 font-mono text-xs break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Metadata namespaces and their top-level keys (values can be large; the JSON view has them). */
function metadataKeys(metadata: TraceSpan['metadata']): Row[] {
  return Object.entries(metadata ?? {}).map(([namespace, value]) => [
    namespace,
    typeof value === 'object' && value !== null ? Object.keys(value).join(', ') : String(value),
  ]);
}

/** Everything recorded on one span: timing, HTTP, AWS, SQL, annotations, metadata, cause. */
export function SpanDetails({
  span,
  onCriticalPath,
  region,
}: {
  span: TraceSpan;
  onCriticalPath: boolean;
  region: string | undefined;
}) {
  const { children, ...own } = span;
  const { http, aws, sql, cause } = span;
  const ecs = span.ecsTask;
  return (
    <section aria-labelledby="span-heading" className={`${PANEL} space-y-4 p-4`}>
      <header className="flex flex-wrap items-center gap-2">
        <h2 id="span-heading" className="text-base font-semibold break-all">
          {span.name}
        </h2>
        <span className={`text-xs ${MUTED}`}>
          {span.inferred ? 'inferred ' : ''}
          {span.kind}
        </span>
        <OutcomeBadges
          fault={span.fault}
          error={span.error}
          throttle={span.throttle}
          partial={span.inProgress}
        />
      </header>
      <Fields
        title="Timing"
        rows={[
          ['Service', span.service],
          ['Namespace', span.namespace],
          ['Origin', span.origin],
          ['Starts at', `+${formatDuration(span.start)}`],
          ['Duration', formatDuration(span.duration)],
          ['Critical path', onCriticalPath ? 'yes' : undefined],
          ['Children', children.length > 0 ? String(children.length) : undefined],
          ['User', span.user],
          ['Id', span.id],
        ]}
      />
      {http && (
        <Fields
          title="HTTP"
          rows={[
            ['Request', [http.method, http.url].filter(Boolean).join(' ') || undefined],
            ['Status', http.status?.toString()],
            ['Content length', http.contentLength?.toString()],
            ['Client IP', http.clientIp],
            ['User agent', http.userAgent],
            ['Traced', http.traced === undefined ? undefined : String(http.traced)],
          ]}
        />
      )}
      {aws && (
        <Fields
          title="AWS"
          rows={[
            ['Operation', aws.operation],
            ['Region', aws.region],
            ['Request id', aws.requestId],
            ['Table', aws.tableName],
            ['Queue', aws.queueUrl],
            ['Retries', aws.retries?.toString()],
            ['ECS task', aws.ecs?.task_arn],
            ['ECS container', aws.ecs?.container ?? aws.ecs?.container_arn],
            ['EC2 instance', aws.ec2?.instanceId],
          ]}
        />
      )}
      {ecs && (
        <p className="text-sm">
          Ran in ECS task <span className="font-mono text-xs">{ecs.taskId}</span> of{' '}
          <Link
            to={`/clusters/${encodeURIComponent(ecs.cluster)}${regionSearch(region)}`}
            className={LINK}
          >
            {ecs.cluster}
          </Link>
        </p>
      )}
      {sql && (
        <Fields
          title="SQL"
          rows={[
            ['Query', sql.sanitizedQuery],
            [
              'Database',
              [sql.databaseType, sql.databaseVersion].filter(Boolean).join(' ') || undefined,
            ],
            ['URL', sql.url],
            ['User', sql.user],
          ]}
        />
      )}
      <Fields
        title="Annotations"
        rows={Object.entries(span.annotations).map(([key, value]) => [key, JSON.stringify(value)])}
      />
      <Fields title="Metadata keys" rows={metadataKeys(span.metadata)} />
      {cause && (
        <div>
          <h3 className={`mb-1 text-xs font-medium uppercase tracking-wide ${MUTED}`}>Cause</h3>
          {cause.exceptionId && (
            <p className="text-sm">
              Exception <span className="font-mono text-xs">{cause.exceptionId}</span>, recorded on
              another span
            </p>
          )}
          <ul className="space-y-2">
            {cause.exceptions.map((exception, index) => (
              <li key={exception.id ?? index} className="text-sm">
                <p className="font-medium text-red-800 dark:text-red-300">
                  {exception.type ? `${exception.type}: ` : ''}
                  {exception.message ?? 'no message'}
                  {exception.remote ? ' (remote)' : ''}
                </p>
                {exception.stack.length > 0 && (
                  <ol className={`font-mono text-xs ${MUTED}`}>
                    {exception.stack.map((frame, frameIndex) => (
                      <li key={frameIndex}>
                        at {frame.label ?? '?'} ({frame.path ?? '?'}:{frame.line ?? '?'})
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <JsonView
        value={{ ...own, children: children.map((child) => child.id) }}
        label={`Span ${span.name}`}
      />
    </section>
  );
}

import type { ReactNode } from 'react';
import { JsonView } from '../../../components/ui/json-view';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { formatDuration } from '../lib/timeline';
import type { FlatSpan } from '../lib/trace-model';
import { OutcomeBadges } from './outcome-badges';
import { SpanCause } from './span-cause';
import { SpanEcsTask, spanEcsTask } from './span-ecs-task';

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
function metadataKeys(metadata: FlatSpan['metadata']): Row[] {
  return Object.entries(metadata ?? {}).map(([namespace, value]) => [
    namespace,
    typeof value === 'object' && value !== null ? Object.keys(value).join(', ') : String(value),
  ]);
}

/**
 * Everything recorded on one span: overview, HTTP, SQL, AWS and its ECS task, annotations,
 * metadata, exceptions with their stacks, and the raw JSON.
 */
export function SpanDetails({
  span,
  service,
  childCount,
  onCriticalPath,
  region,
}: {
  span: FlatSpan;
  service: string | undefined;
  childCount: number;
  onCriticalPath: boolean;
  region: string | undefined;
}) {
  const { http, aws, sql, cause } = span;
  const ecs = spanEcsTask(span);
  return (
    <section
      aria-labelledby="span-heading"
      className={`${PANEL} max-h-[85vh] space-y-4 overflow-auto p-4`}
    >
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
        title="Overview"
        rows={[
          ['Service', service],
          ['Namespace', span.namespace],
          ['Origin', span.origin],
          ['Starts at', `+${formatDuration(span.start)}`],
          ['Duration', formatDuration(span.duration)],
          ['Critical path', onCriticalPath ? 'yes' : undefined],
          ['Children', childCount > 0 ? String(childCount) : undefined],
          ['Status', span.inProgress ? 'in progress' : undefined],
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
      {ecs && <SpanEcsTask link={ecs} region={region} />}
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
      {cause && <SpanCause cause={cause} />}
      <JsonView value={span} label={`Span ${span.name}`} />
    </section>
  );
}

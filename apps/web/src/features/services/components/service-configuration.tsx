import type { ServiceDetail } from '@deckhand/shared';
import { resourceName } from '@deckhand/shared';
import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { PANEL } from '../../../components/ui/styles';
import { rolloutBounds } from '../lib/action-preview';

const MUTED = 'text-sm text-slate-600 dark:text-slate-400';
const TERM = 'text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400';

/** `…:targetgroup/prod-web/6d0ecf831eec9f09` → `prod-web` (the name people gave it). */
export function targetGroupName(arn: string): string {
  const match = /targetgroup\/([^/]+)/.exec(arn);
  return match?.[1] ?? resourceName(arn);
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`${PANEL} space-y-2 p-4`}>
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className={TERM}>{term}</dt>
      <dd className="mt-0.5 font-mono text-xs break-all">{children}</dd>
    </div>
  );
}

function LoadBalancers({ service }: { service: ServiceDetail }) {
  return (
    <Panel id="service-lb-heading" title="Load balancers">
      {service.loadBalancers.length === 0 ? (
        <p className={MUTED}>The service is behind no load balancer.</p>
      ) : (
        <ul aria-label="Target groups" className="space-y-1 text-sm">
          {service.loadBalancers.map((lb) => {
            const target = lb.targetGroupArn ?? lb.loadBalancerName ?? 'unknown';
            const name = lb.targetGroupArn ? targetGroupName(lb.targetGroupArn) : target;
            return (
              <li
                key={`${target}:${lb.containerName}:${lb.containerPort}`}
                className="flex items-center gap-2"
              >
                <span className="font-mono" title={target}>
                  {name}
                </span>
                <CopyButton value={target} label={`target group ${name}`} />
                <span className="font-mono text-slate-700 dark:text-slate-300">
                  → {lb.containerName}:{lb.containerPort}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

function Network({ service }: { service: ServiceDetail }) {
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  return (
    <Panel id="service-network-heading" title="Network">
      {vpc ? (
        <dl className="grid gap-2">
          <Row term="Subnets">{vpc.subnets.join(', ') || '—'}</Row>
          <Row term="Security groups">{vpc.securityGroups.join(', ') || '—'}</Row>
          <Row term="Public IP">{vpc.assignPublicIp ?? 'DISABLED'}</Row>
        </dl>
      ) : (
        <p className={MUTED}>
          No awsvpc configuration: tasks use their host’s network (bridge or host mode).
        </p>
      )}
    </Panel>
  );
}

function Deployment({ service }: { service: ServiceDetail }) {
  const config = service.deploymentConfiguration;
  const bounds = rolloutBounds(service.desiredCount, config);
  const breaker = config?.deploymentCircuitBreaker;
  return (
    <Panel id="service-deployment-config-heading" title="Deployment configuration">
      <dl className="grid grid-cols-2 gap-2">
        <Row term="Minimum healthy">{bounds.minHealthyPercent}%</Row>
        <Row term="Maximum">{bounds.maxPercent}%</Row>
        <Row term="Circuit breaker">
          {breaker?.enable ? `on${breaker.rollback ? ', rolls back' : ', no rollback'}` : 'off'}
        </Row>
        <Row term="Strategy">{config?.strategy ?? 'ROLLING'}</Row>
        {service.healthCheckGracePeriodSeconds !== undefined && (
          <Row term="Health check grace">{service.healthCheckGracePeriodSeconds} s</Row>
        )}
      </dl>
    </Panel>
  );
}

function Placement({ service }: { service: ServiceDetail }) {
  const strategies = service.placementStrategy.map((s) =>
    s.field ? `${s.type}(${s.field})` : s.type,
  );
  const constraints = service.placementConstraints.map((c) =>
    c.expression ? `${c.type}: ${c.expression}` : c.type,
  );
  return (
    <Panel id="service-placement-heading" title="Placement">
      <dl className="grid gap-2">
        <Row term="Strategy">{strategies.join(', ') || 'default'}</Row>
        <Row term="Constraints">{constraints.join('; ') || 'none'}</Row>
      </dl>
    </Panel>
  );
}

/** How the service is wired: load balancers, network, deployment settings, placement. */
export function ServiceConfiguration({ service }: { service: ServiceDetail }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      <LoadBalancers service={service} />
      <Network service={service} />
      <Deployment service={service} />
      <Placement service={service} />
    </div>
  );
}

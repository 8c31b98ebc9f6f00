import type { EcsContainerDefinition, EcsTaskDefinition } from '@deckhand/shared';
import { PANEL } from '../../../components/ui/styles';

const LIST = 'mt-1 space-y-0.5 font-mono text-xs break-all';
const SUBHEAD = 'text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400';

function Resources({ container }: { container: EcsContainerDefinition }) {
  const memory = [
    container.memory !== undefined && `${container.memory} MiB hard`,
    container.memoryReservation !== undefined && `${container.memoryReservation} MiB soft`,
  ].filter(Boolean);
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {container.essential === false ? 'not essential' : 'essential'} · CPU{' '}
      {container.cpu ?? 'unreserved'} units · memory {memory.length ? memory.join(', ') : 'unset'}
    </p>
  );
}

/**
 * One container's configuration from its definition. Secrets are shown as what they reference
 * (`valueFrom`): ECS holds no secret values, and the console must never show any.
 */
function ContainerConfiguration({ container }: { container: EcsContainerDefinition }) {
  const name = container.name ?? 'unnamed';
  const environment = container.environment ?? [];
  const secrets = container.secrets ?? [];
  const log = container.logConfiguration;
  const options = Object.entries(log?.options ?? {});
  return (
    <li className="space-y-3 px-4 py-3">
      <h3 className="font-semibold">{name}</h3>
      <Resources container={container} />
      <div>
        <h4 className={SUBHEAD}>Environment</h4>
        {environment.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul aria-label={`Environment of ${name}`} className={LIST}>
            {environment.map((variable) => (
              <li key={variable.name}>
                {variable.name}={variable.value ?? ''}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className={SUBHEAD}>Secrets (references only)</h4>
        {secrets.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul aria-label={`Secrets of ${name}`} className={LIST}>
            {secrets.map((secret) => (
              <li key={secret.name}>
                {secret.name} → {secret.valueFrom ?? '—'}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className={SUBHEAD}>Logging</h4>
        {log?.logDriver ? (
          <dl aria-label={`Logging of ${name}`} className={LIST}>
            <div>
              <dt className="inline">driver: </dt>
              <dd className="inline">{log.logDriver}</dd>
            </div>
            {options.map(([key, value]) => (
              <div key={key}>
                <dt className="inline">{key}: </dt>
                <dd className="inline">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No log configuration.</p>
        )}
      </div>
    </li>
  );
}

/** Per container: environment, secret references, logging, essential and resources. */
export function TaskDefinitionDetails({
  reference,
  definition,
  failed,
}: {
  reference: string;
  definition: EcsTaskDefinition | undefined;
  failed: boolean;
}) {
  return (
    <section aria-labelledby="task-config-heading" className="space-y-2">
      <h2 id="task-config-heading" className="text-sm font-semibold">
        Container configuration <span className="font-mono font-normal">{reference}</span>
      </h2>
      {failed ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The task definition {reference} could not be read (deleted revisions are not described).
        </p>
      ) : !definition ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading the task definition…</p>
      ) : (
        <ul className={`${PANEL} divide-y divide-slate-100 text-sm dark:divide-slate-800`}>
          {(definition.containerDefinitions ?? []).map((container, index) => (
            <ContainerConfiguration key={container.name ?? index} container={container} />
          ))}
        </ul>
      )}
    </section>
  );
}

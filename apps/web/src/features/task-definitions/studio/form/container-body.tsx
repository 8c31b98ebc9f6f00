import { formatPath, type JsonObject } from '@deckhand/shared/taskdef';
import { FindingList } from './findings';
import { CheckboxField, choicesOf, IntegerField, StringListField, TextField } from './fields';
import { useFindingsAt } from './form-context';
import { HealthCheck } from './health-check';
import { ImageField } from './image-field';
import { otherMembers } from './lib/values';
import { LogConfiguration } from './log-configuration';
import { PortMappings } from './port-mappings';
import { RowList } from './rows';
import { GRID, HINT, SUBHEAD } from './styles';

/** What a card needs to know about the rest of the task (primitive-ish, so memo holds). */
export interface ContainerContext {
  networkMode: string;
  explicitMode: boolean;
  fargate: boolean;
  volumeNames: readonly string[];
  /** Every container's name by index ('' when it has none). */
  containerNames: readonly string[];
  hasImagePicker: boolean;
  defaultOpen: boolean;
}

const KNOWN = new Set([
  'name',
  'image',
  'essential',
  'cpu',
  'memory',
  'memoryReservation',
  'portMappings',
  'environment',
  'secrets',
  'healthCheck',
  'logConfiguration',
  'dependsOn',
  'mountPoints',
  'command',
  'entryPoint',
  'user',
  'workingDirectory',
  'privileged',
  'readonlyRootFilesystem',
]);

/** Every field of one container, in the order people read a container definition. */
export function ContainerBody({
  index,
  container,
  context,
}: {
  index: number;
  container: JsonObject;
  context: ContainerContext;
}) {
  const base = ['containerDefinitions', index] as const;
  const name = typeof container.name === 'string' ? container.name : '';
  const others = context.containerNames.filter(
    (other, position) => position !== index && other !== '',
  );
  const rest = otherMembers(container, KNOWN);
  const findings = useFindingsAt(formatPath(base));
  return (
    <>
      <FindingList findings={findings} />
      <div className={GRID}>
        <TextField
          label="Container name"
          segments={[...base, 'name']}
          value={container.name}
          placeholder="web"
          hint="Unique in the task; letters, digits, _ and -."
        />
        <ImageField
          segments={[...base, 'image']}
          value={container.image}
          containerName={name || `container ${index + 1}`}
          canChoose={context.hasImagePicker}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <CheckboxField
          label="Essential"
          segments={[...base, 'essential']}
          value={container.essential}
          defaultValue
          hint="The task stops when an essential container stops."
        />
        <IntegerField
          label="CPU units"
          segments={[...base, 'cpu']}
          value={container.cpu}
          placeholder="optional"
          hint="1024 = 1 vCPU; within the task CPU."
        />
        <IntegerField
          label="Memory limit (MiB)"
          segments={[...base, 'memory']}
          value={container.memory}
          placeholder="optional"
          hint="Hard limit: the container is killed above it."
        />
        <IntegerField
          label="Memory reservation (MiB)"
          segments={[...base, 'memoryReservation']}
          value={container.memoryReservation}
          placeholder="optional"
          hint="Soft limit reserved for placement; ≤ the hard limit."
        />
      </div>
      <PortMappings
        segments={[...base, 'portMappings']}
        value={container.portMappings}
        networkMode={context.networkMode}
        explicitMode={context.explicitMode}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <RowList
          title="Environment"
          noun="environment variable"
          segments={[...base, 'environment']}
          value={container.environment}
          columns={[
            { key: 'name', header: 'name', kind: 'text', mono: true, placeholder: 'NAME' },
            { key: 'value', header: 'value', kind: 'text', mono: true },
          ]}
          newRow={() => ({})}
          empty="No environment variables."
        />
        <RowList
          title="Secrets"
          noun="secret"
          segments={[...base, 'secrets']}
          value={container.secrets}
          columns={[
            {
              key: 'name',
              header: 'name',
              kind: 'text',
              mono: true,
              placeholder: 'DB_PASSWORD',
              width: 'minmax(0,2fr)',
            },
            {
              key: 'valueFrom',
              header: 'valueFrom',
              kind: 'text',
              mono: true,
              placeholder: 'arn:aws:secretsmanager:…',
              width: 'minmax(0,3fr)',
            },
          ]}
          newRow={() => ({})}
          hint="valueFrom: a Secrets Manager ARN, an SSM parameter ARN, or an SSM parameter name."
          empty="No secrets."
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <HealthCheck segments={[...base, 'healthCheck']} value={container.healthCheck} />
        <LogConfiguration
          segments={[...base, 'logConfiguration']}
          value={container.logConfiguration}
          fargate={context.fargate}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <RowList
          title="Depends on"
          noun="dependency"
          segments={[...base, 'dependsOn']}
          value={container.dependsOn}
          columns={[
            {
              key: 'containerName',
              header: 'container',
              kind: 'select',
              choices: choicesOf(others),
            },
            {
              key: 'condition',
              header: 'condition',
              kind: 'select',
              choices: choicesOf(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']),
            },
          ]}
          newRow={() => ({ containerName: others[0] ?? '', condition: 'START' })}
          addDisabled={others.length === 0 ? 'Add another container to depend on.' : undefined}
          hint="HEALTHY needs a health check on the other container; COMPLETE and SUCCESS need it non-essential."
        />
        <RowList
          title="Mount points"
          noun="mount point"
          segments={[...base, 'mountPoints']}
          value={container.mountPoints}
          columns={[
            {
              key: 'sourceVolume',
              header: 'volume',
              kind: 'select',
              choices: choicesOf(context.volumeNames),
            },
            {
              key: 'containerPath',
              header: 'container path',
              kind: 'text',
              mono: true,
              placeholder: '/data',
            },
            { key: 'readOnly', header: 'read-only', kind: 'checkbox', width: '5rem' },
          ]}
          newRow={(): JsonObject => {
            const first = context.volumeNames[0];
            return first === undefined ? {} : { sourceVolume: first };
          }}
          addDisabled={
            context.volumeNames.length === 0
              ? 'Declare a volume (Volumes below) to mount it.'
              : undefined
          }
        />
      </div>
      <div className="space-y-2">
        <h4 className={SUBHEAD}>Process</h4>
        <div className={GRID}>
          <StringListField
            label="Entry point"
            segments={[...base, 'entryPoint']}
            value={container.entryPoint}
            placeholder="sh, -c"
            hint="Comma-separated, or a JSON array."
          />
          <StringListField
            label="Command"
            segments={[...base, 'command']}
            value={container.command}
            placeholder="npm, start"
            hint="Comma-separated, or a JSON array."
          />
          <TextField
            label="User"
            segments={[...base, 'user']}
            value={container.user}
            placeholder="1000:1000"
            mono
          />
          <TextField
            label="Working directory"
            segments={[...base, 'workingDirectory']}
            value={container.workingDirectory}
            placeholder="/app"
            mono
          />
          <CheckboxField
            label="Privileged"
            segments={[...base, 'privileged']}
            value={container.privileged}
            hint={context.fargate ? 'Not allowed on Fargate.' : 'Root on the host: avoid.'}
          />
          <CheckboxField
            label="Read-only root filesystem"
            segments={[...base, 'readonlyRootFilesystem']}
            value={container.readonlyRootFilesystem}
          />
        </div>
      </div>
      {rest.length > 0 && (
        <p className={HINT}>
          Also set: <span className="font-mono">{rest.join(', ')}</span> (edit in JSON).
        </p>
      )}
    </>
  );
}

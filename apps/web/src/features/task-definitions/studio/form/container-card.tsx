import { formatPath, type JsonObject, type JsonValue } from '@deckhand/shared/taskdef';
import { memo, useMemo } from 'react';
import { Collapsible } from './collapsible';
import { FindingList } from './findings';
import {
  CheckboxField,
  choicesOf,
  IntegerField,
  ReadOnlyField,
  StringListField,
  TextField,
} from './fields';
import { FindingsProvider, useApplyFix, useFindingsAt, useFormApi } from './form-context';
import { HealthCheck } from './health-check';
import { ImageField } from './image-field';
import { groupByAnchor, isWithin, sameFindings, type PlacedFinding } from './lib/anchors';
import { insertItem, isJsonObject, moveItem, removeIn } from './lib/json-edit';
import { member, otherMembers } from './lib/values';
import { LogConfiguration } from './log-configuration';
import { PortMappings } from './port-mappings';
import { RowList } from './rows';
import { GRID, HINT, SMALL_BUTTON, SUBHEAD } from './styles';

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

/** A name not taken by another container: `web-copy`, `web-copy-2`, … */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

const SEGMENTS = ['containerDefinitions'] as const;

function CardActions({
  index,
  name,
  count,
  names,
}: {
  index: number;
  name: string;
  count: number;
  names: readonly string[];
}) {
  const copyBase = `${names[index] || 'container'}-copy`;
  const api = useFormApi();
  const move = (to: number) => api.update((document) => moveItem(document, SEGMENTS, index, to));
  return (
    <>
      <button
        type="button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => move(index - 1)}
        className={SMALL_BUTTON}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index >= count - 1}
        onClick={() => move(index + 1)}
        className={SMALL_BUTTON}
      >
        ↓
      </button>
      <button
        type="button"
        aria-label={`Duplicate ${name}`}
        disabled={count >= 10}
        title={count >= 10 ? 'A task definition holds at most 10 containers.' : undefined}
        onClick={() =>
          api.update((document) => {
            const source = member(document, 'containerDefinitions');
            const original = Array.isArray(source) ? source[index] : undefined;
            if (original === undefined) return document;
            const copy: JsonValue = isJsonObject(original)
              ? { ...structuredClone(original), name: uniqueName(copyBase, names) }
              : structuredClone(original);
            return insertItem(document, SEGMENTS, copy, index + 1);
          })
        }
        className={SMALL_BUTTON}
      >
        Duplicate
      </button>
      <button
        type="button"
        aria-label={`Remove ${name}`}
        onClick={() => api.update((document) => removeIn(document, [...SEGMENTS, index]))}
        className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`}
      >
        Remove
      </button>
    </>
  );
}

function ContainerBody({
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

/** One container as a collapsible card with its own findings scope. */
export const ContainerCard = memo(
  function ContainerCard({
    index,
    container,
    findings,
    context,
  }: {
    index: number;
    container: JsonValue | undefined;
    findings: readonly PlacedFinding[];
    context: ContainerContext;
  }) {
    const applyFix = useApplyFix();
    const scope = useMemo(
      () => ({ byAnchor: groupByAnchor(findings), applyFix }),
      [findings, applyFix],
    );
    const prefix = formatPath(['containerDefinitions', index]);
    const name =
      isJsonObject(container) && typeof container.name === 'string' && container.name !== ''
        ? container.name
        : `Container ${index + 1}`;
    const image =
      isJsonObject(container) && typeof container.image === 'string' ? container.image : '';
    return (
      <FindingsProvider value={scope}>
        <Collapsible
          label={name}
          heading={<span className="font-mono">{name}</span>}
          headingLevel={3}
          anchor={prefix}
          contains={(path) => isWithin(path, prefix)}
          defaultOpen={context.defaultOpen}
          findings={findings.map((placed) => placed.finding)}
          summary={
            image ? (
              <span className="max-w-[28rem] truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                {image}
              </span>
            ) : undefined
          }
          actions={
            <CardActions
              index={index}
              name={name}
              count={context.containerNames.length}
              names={context.containerNames}
            />
          }
        >
          {isJsonObject(container) ? (
            <ContainerBody index={index} container={container} context={context} />
          ) : (
            <ReadOnlyField
              label={`Container ${index + 1}`}
              segments={['containerDefinitions', index]}
              value={container ?? null}
            />
          )}
        </Collapsible>
      </FindingsProvider>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.container === after.container &&
    before.context === after.context &&
    sameFindings(before.findings, after.findings),
);

import { formatPath, type JsonObject } from '@deckhand/shared/taskdef';
import { FargateSizePicker } from './fargate-size';
import { FindingList } from './findings';
import { ReadOnlyField } from './field';
import { choicesOf, IntegerField, SelectField, TextField } from './fields';
import { useFindingsAt, useFormApi } from './form-context';
import { NETWORK_MODES } from './lib/network';
import { member, readObject, readStringArray } from './lib/values';
import { CHECKBOX, GRID, HINT, LABEL, SUBHEAD } from './styles';

const COMPATIBILITIES = ['FARGATE', 'EC2', 'EXTERNAL'] as const;

const OS_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_20H2_CORE',
];

const NETWORK_HINTS: Record<string, string> = {
  awsvpc: 'One network interface per task with its own private IP; required on Fargate.',
  bridge: "Docker's bridge network on the instance; host ports may be dynamic.",
  host: "The task shares the instance's network; one task per host port.",
  none: 'No external network.',
};

/** FARGATE / EC2 / EXTERNAL; other entries (pasted) are kept. An empty list removes the member. */
function CompatibilityBoxes({
  value,
}: {
  value: JsonObject['requiresCompatibilities'] | undefined;
}) {
  const api = useFormApi();
  const findings = useFindingsAt('requiresCompatibilities');
  const read = readStringArray(value);
  if (read.state === 'wrong')
    return (
      <ReadOnlyField
        label="Requires compatibilities"
        segments={['requiresCompatibilities']}
        value={read.raw}
      />
    );
  const current = read.state === 'ok' ? read.value : [];
  const toggle = (launchType: string, on: boolean) => {
    const known = COMPATIBILITIES.filter((item) =>
      item === launchType ? on : current.includes(item),
    );
    const others = current.filter((item) => !(COMPATIBILITIES as readonly string[]).includes(item));
    const next = [...known, ...others];
    api.set(['requiresCompatibilities'], next.length > 0 ? next : undefined);
  };
  const path = formatPath(['requiresCompatibilities']);
  return (
    <fieldset data-anchor={path} className="min-w-0">
      <legend className={LABEL}>Requires compatibilities</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 py-1">
        {COMPATIBILITIES.map((launchType) => {
          const id = api.idFor(path, launchType);
          return (
            <span key={launchType} className="inline-flex items-center gap-1.5">
              <input
                id={id}
                data-path={path}
                type="checkbox"
                checked={current.includes(launchType)}
                onChange={(event) => toggle(launchType, event.target.checked)}
                className={CHECKBOX}
              />
              <label htmlFor={id} className="text-sm">
                {launchType}
              </label>
            </span>
          );
        })}
      </div>
      <p className={HINT}>Where the task may run; ECS checks the task against each.</p>
      <FindingList findings={findings} />
    </fieldset>
  );
}

/** Family, launch types, network mode, size, platform, storage and namespaces. */
export function TaskFields({ document }: { document: JsonObject }) {
  const compatibilities = readStringArray(document.requiresCompatibilities);
  const fargate = compatibilities.state === 'ok' && compatibilities.value.includes('FARGATE');
  const networkMode = document.networkMode;
  const platform = readObject(document.runtimePlatform);
  const storage = readObject(document.ephemeralStorage);
  const platformFindings = useFindingsAt('runtimePlatform');
  return (
    <>
      <div className={GRID}>
        <TextField
          label="Family"
          segments={['family']}
          value={document.family}
          hint="Up to 255 letters, digits, _ and -; revisions are numbered within it."
          placeholder="web"
        />
        <CompatibilityBoxes value={document.requiresCompatibilities} />
        <SelectField
          label="Network mode"
          segments={['networkMode']}
          value={networkMode}
          choices={choicesOf(NETWORK_MODES)}
          emptyLabel="unset (bridge on EC2 Linux)"
          hint={
            typeof networkMode === 'string' && NETWORK_HINTS[networkMode]
              ? NETWORK_HINTS[networkMode]
              : fargate
                ? 'Fargate requires awsvpc.'
                : undefined
          }
        />
      </div>
      <div className={GRID}>
        {fargate ? (
          <FargateSizePicker cpu={document.cpu} memory={document.memory} />
        ) : (
          <>
            <TextField
              label="Task CPU"
              segments={['cpu']}
              value={typeof document.cpu === 'number' ? String(document.cpu) : document.cpu}
              placeholder="optional"
              hint={'CPU units (1024 = 1 vCPU) or "1 vCPU"; optional on EC2.'}
            />
            <TextField
              label="Task memory"
              segments={['memory']}
              value={
                typeof document.memory === 'number' ? String(document.memory) : document.memory
              }
              placeholder="optional"
              hint={
                'MiB or "2 GB"; without it every container needs a memory limit or reservation.'
              }
            />
          </>
        )}
        {(fargate || document.ephemeralStorage !== undefined) && (
          <IntegerField
            label="Ephemeral storage (GiB)"
            segments={['ephemeralStorage', 'sizeInGiB']}
            anchor="ephemeralStorage"
            value={
              storage.state === 'ok'
                ? member(storage.value, 'sizeInGiB')
                : storage.state === 'wrong'
                  ? storage.raw
                  : undefined
            }
            options={{ prune: true }}
            placeholder="20"
            hint="21–200 GiB; 20 GiB when empty."
          />
        )}
      </div>
      {platform.state === 'wrong' ? (
        <ReadOnlyField
          label="Runtime platform"
          segments={['runtimePlatform']}
          value={platform.raw}
        />
      ) : (
        <fieldset data-anchor="runtimePlatform" className="min-w-0">
          <legend className={`${SUBHEAD} mb-1`}>Runtime platform</legend>
          <FindingList findings={platformFindings} />
          <div className={GRID}>
            <SelectField
              label="CPU architecture"
              segments={['runtimePlatform', 'cpuArchitecture']}
              value={
                platform.state === 'ok' ? member(platform.value, 'cpuArchitecture') : undefined
              }
              choices={choicesOf(['X86_64', 'ARM64'])}
              emptyLabel="unset (X86_64)"
              options={{ prune: true }}
            />
            <SelectField
              label="Operating system"
              segments={['runtimePlatform', 'operatingSystemFamily']}
              value={
                platform.state === 'ok'
                  ? member(platform.value, 'operatingSystemFamily')
                  : undefined
              }
              choices={choicesOf(OS_FAMILIES)}
              emptyLabel="unset (LINUX)"
              options={{ prune: true }}
            />
          </div>
        </fieldset>
      )}
      <div className={GRID}>
        <SelectField
          label="PID mode"
          segments={['pidMode']}
          value={document.pidMode}
          choices={choicesOf(['task', 'host'])}
          hint={
            fargate
              ? 'Fargate allows only task.'
              : 'Share the process namespace with the task or host.'
          }
        />
        <SelectField
          label="IPC mode"
          segments={['ipcMode']}
          value={document.ipcMode}
          choices={choicesOf(['task', 'host', 'none'])}
          hint={fargate ? 'Not supported on Fargate.' : 'Share the IPC namespace.'}
        />
      </div>
    </>
  );
}

const ROLE_HINT = 'An IAM role ARN: arn:aws:iam::123456789012:role/NAME';

/** The task role (what the app may call) and the execution role (what ECS uses to start it). */
export function RoleFields({ document }: { document: JsonObject }) {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <TextField
        label="Task role ARN"
        segments={['taskRoleArn']}
        value={document.taskRoleArn}
        mono
        placeholder="arn:aws:iam::123456789012:role/web-task"
        hint={`${ROLE_HINT}. The permissions of the app's own AWS calls.`}
      />
      <TextField
        label="Execution role ARN"
        segments={['executionRoleArn']}
        value={document.executionRoleArn}
        mono
        placeholder="arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
        hint={`${ROLE_HINT}. Used by ECS to pull from ECR, write awslogs and read secrets.`}
      />
    </div>
  );
}

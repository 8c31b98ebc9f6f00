import { formatPath, type JsonObject, type JsonValue } from '@deckhand/shared/taskdef';
import type { ReactNode } from 'react';
import { FindingList } from './findings';
import { Field, ReadOnlyField } from './field';
import { CheckboxField, choicesOf, SelectField, TextField } from './fields';
import { useFindingsAt, useFormApi } from './form-context';
import { insertItem, isJsonObject, removeIn, updateIn } from './lib/json-edit';
import { member, readArray } from './lib/values';
import { CONTROL, GRID, HINT, SMALL_BUTTON, SUBPANEL } from './styles';

export type VolumeKind = 'bind' | 'host' | 'docker' | 'efs' | 'other';

const KIND_MEMBERS = ['host', 'dockerVolumeConfiguration', 'efsVolumeConfiguration'] as const;
const OTHER_MEMBERS = ['fsxWindowsFileServerVolumeConfiguration', 'configuredAtLaunch'];

/** What backs a volume, from the member that configures it. */
export function volumeKind(volume: JsonObject): VolumeKind {
  if (OTHER_MEMBERS.some((key) => Object.hasOwn(volume, key))) return 'other';
  if (Object.hasOwn(volume, 'efsVolumeConfiguration')) return 'efs';
  if (Object.hasOwn(volume, 'dockerVolumeConfiguration')) return 'docker';
  if (Object.hasOwn(volume, 'host')) return 'host';
  return 'bind';
}

/** The volume switched to another kind: the other kinds' members go, the new one starts empty. */
export function withVolumeKind(volume: JsonObject, kind: VolumeKind): JsonObject {
  if (kind === 'other' || kind === volumeKind(volume)) return volume;
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(volume))
    if (!(KIND_MEMBERS as readonly string[]).includes(key)) kept[key] = value;
  switch (kind) {
    case 'host':
      return { ...kept, host: {} };
    case 'docker':
      return { ...kept, dockerVolumeConfiguration: { scope: 'task', driver: 'local' } };
    case 'efs':
      return { ...kept, efsVolumeConfiguration: { transitEncryption: 'ENABLED' } };
    case 'bind':
      return kept;
  }
}

const KIND_LABELS: Record<Exclude<VolumeKind, 'other'>, string> = {
  bind: 'Bind mount (task storage)',
  host: 'Host path (EC2)',
  docker: 'Docker volume (EC2)',
  efs: 'Amazon EFS',
};

/** A volume's configuration object, with the findings about it as a whole. */
function ConfigFrame({
  path,
  className = 'space-y-1',
  children,
}: {
  path: string;
  className?: string;
  children: ReactNode;
}) {
  const findings = useFindingsAt(path);
  return (
    <div data-anchor={path} className={className}>
      <FindingList findings={findings} />
      {children}
    </div>
  );
}

function VolumeConfig({
  index,
  volume,
  kind,
}: {
  index: number;
  volume: JsonObject;
  kind: VolumeKind;
}) {
  const base = ['volumes', index] as const;
  switch (kind) {
    case 'bind':
      return (
        <p className={HINT}>
          Space on the task's ephemeral storage, shared by the containers that mount it.
        </p>
      );
    case 'other':
      return <p className={HINT}>Configured with members the form does not edit (edit in JSON).</p>;
    case 'host': {
      const host = member(volume, 'host');
      return isJsonObject(host) ? (
        <ConfigFrame path={formatPath([...base, 'host'])}>
          <TextField
            label="Source path"
            segments={[...base, 'host', 'sourcePath']}
            value={host.sourcePath}
            mono
            placeholder="/var/data"
            hint="A directory on the instance; not on Fargate. Empty: Docker picks one."
          />
        </ConfigFrame>
      ) : (
        <ReadOnlyField label="Host" segments={[...base, 'host']} value={host ?? null} />
      );
    }
    case 'docker': {
      const config = member(volume, 'dockerVolumeConfiguration');
      if (!isJsonObject(config))
        return (
          <ReadOnlyField
            label="Docker volume configuration"
            segments={[...base, 'dockerVolumeConfiguration']}
            value={config ?? null}
          />
        );
      const at = [...base, 'dockerVolumeConfiguration'] as const;
      return (
        <ConfigFrame path={formatPath(at)}>
          <div className={GRID}>
            <SelectField
              label="Scope"
              segments={[...at, 'scope']}
              value={config.scope}
              choices={choicesOf(['task', 'shared'])}
              hint="task: removed with the task; shared: kept on the instance."
            />
            <TextField
              label="Driver"
              segments={[...at, 'driver']}
              value={config.driver}
              placeholder="local"
              mono
            />
            <CheckboxField
              label="Autoprovision"
              segments={[...at, 'autoprovision']}
              value={config.autoprovision}
              hint="Create a shared volume when missing."
            />
          </div>
        </ConfigFrame>
      );
    }
    case 'efs': {
      const config = member(volume, 'efsVolumeConfiguration');
      if (!isJsonObject(config))
        return (
          <ReadOnlyField
            label="EFS configuration"
            segments={[...base, 'efsVolumeConfiguration']}
            value={config ?? null}
          />
        );
      const at = [...base, 'efsVolumeConfiguration'] as const;
      const auth = member(config, 'authorizationConfig');
      return (
        <ConfigFrame path={formatPath(at)}>
          <div className={GRID}>
            <TextField
              label="File system ID"
              segments={[...at, 'fileSystemId']}
              value={config.fileSystemId}
              mono
              placeholder="fs-0123456789abcdef0"
            />
            <TextField
              label="Root directory"
              segments={[...at, 'rootDirectory']}
              value={config.rootDirectory}
              mono
              placeholder="/"
              hint="Ignored with an access point."
            />
            <SelectField
              label="Transit encryption"
              segments={[...at, 'transitEncryption']}
              value={config.transitEncryption}
              choices={choicesOf(['ENABLED', 'DISABLED'])}
              hint="Required for IAM authorization and access points."
            />
            {auth !== undefined && !isJsonObject(auth) ? (
              <ReadOnlyField
                label="Authorization"
                segments={[...at, 'authorizationConfig']}
                value={auth}
              />
            ) : (
              <ConfigFrame path={formatPath([...at, 'authorizationConfig'])} className="contents">
                <TextField
                  label="Access point ID"
                  segments={[...at, 'authorizationConfig', 'accessPointId']}
                  value={member(auth, 'accessPointId')}
                  mono
                  placeholder="fsap-…"
                  options={{ prune: true }}
                />
                <SelectField
                  label="IAM authorization"
                  segments={[...at, 'authorizationConfig', 'iam']}
                  value={member(auth, 'iam')}
                  choices={choicesOf(['ENABLED', 'DISABLED'])}
                  options={{ prune: true }}
                />
              </ConfigFrame>
            )}
          </div>
        </ConfigFrame>
      );
    }
  }
}

function VolumeRow({ index, volume }: { index: number; volume: JsonValue }) {
  const api = useFormApi();
  const path = formatPath(['volumes', index]);
  const findings = useFindingsAt(path);
  const remove = (
    <button
      type="button"
      onClick={() => api.update((document) => removeIn(document, ['volumes', index]))}
      aria-label={`Remove volume ${index + 1}`}
      className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`}
    >
      Remove
    </button>
  );
  if (!isJsonObject(volume))
    return (
      <div className={`${SUBPANEL} flex items-start gap-2`}>
        <ReadOnlyField
          label={`Volume ${index + 1}`}
          segments={['volumes', index]}
          value={volume}
          className="flex-1"
        />
        {remove}
      </div>
    );
  const kind = volumeKind(volume);
  const name = typeof volume.name === 'string' && volume.name ? volume.name : `Volume ${index + 1}`;
  return (
    <div
      role="group"
      aria-label={`Volume ${name}`}
      data-anchor={path}
      className={`${SUBPANEL} space-y-2`}
    >
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="Volume name"
          segments={['volumes', index, 'name']}
          value={volume.name}
          mono
          placeholder="data"
          className="w-56"
        />
        <Field label="Kind" segments={['volumes', index]} part="kind" quiet className="w-56">
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(event) => {
                const next = event.target.value as VolumeKind;
                api.update((document) =>
                  updateIn(document, ['volumes', index], (current) =>
                    isJsonObject(current) ? withVolumeKind(current, next) : current,
                  ),
                );
              }}
              className={CONTROL}
            >
              {kind === 'other' && <option value="other">Other (edit in JSON)</option>}
              {Object.entries(KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="ml-auto pt-5">{remove}</div>
      </div>
      <FindingList findings={findings} />
      <VolumeConfig index={index} volume={volume} kind={kind} />
    </div>
  );
}

/** The task's volumes: name and kind, with the kind's settings. */
export function VolumesFields({ value }: { value: JsonValue | undefined }) {
  const api = useFormApi();
  const findings = useFindingsAt('volumes');
  const read = readArray(value);
  if (read.state === 'wrong')
    return <ReadOnlyField label="Volumes" segments={['volumes']} value={read.raw} />;
  const volumes = read.state === 'ok' ? read.value : [];
  return (
    <div className="space-y-2">
      <FindingList findings={findings} />
      {volumes.length === 0 && (
        <p className={HINT}>No volumes. Declare one here, then mount it in a container.</p>
      )}
      {volumes.map((volume, index) => (
        <VolumeRow key={index} index={index} volume={volume} />
      ))}
      <button
        type="button"
        className={SMALL_BUTTON}
        onClick={() => {
          const taken = new Set(
            volumes.map((volume) => (isJsonObject(volume) ? volume.name : undefined)),
          );
          let name = 'data';
          for (let n = 2; taken.has(name); n += 1) name = `data-${n}`;
          api.update((document) => insertItem(document, ['volumes'], { name }));
          api.requestFocus(formatPath(['volumes', volumes.length, 'name']));
        }}
      >
        Add volume
      </button>
    </div>
  );
}

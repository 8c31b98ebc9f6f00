import type { JsonObject, JsonValue, LintFinding } from '@deckhand/shared/taskdef';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from 'react';
import { Collapsible } from './collapsible';
import { uniqueName } from './container-actions';
import type { ContainerContext } from './container-body';
import { ContainerCard } from './container-card';
import { FindingList } from './findings';
import { ReadOnlyField } from './field';
import { focusClosest } from './focus';
import {
  FindingsProvider,
  FocusProvider,
  FormApiProvider,
  type FocusRequest,
  type FormApi,
  type ImagePickerRenderProps,
} from './form-context';
import {
  groupByAnchor,
  idForPath,
  isWithin,
  placeFindings,
  type PlacedFinding,
} from './lib/anchors';
import { insertItem, isJsonObject, setOrRemove } from './lib/json-edit';
import { effectiveNetworkMode } from './lib/network';
import { otherMembers, readArray, readStringArray } from './lib/values';
import { RowList } from './rows';
import { HINT, SMALL_BUTTON } from './styles';
import { RoleFields, TaskFields } from './task-section';
import { VolumesFields } from './volumes-section';

export type { ImagePickerRenderProps } from './form-context';

export interface TaskDefinitionFormProps {
  /** The RegisterTaskDefinition input being edited; unknown members and wrong types are kept. */
  value: JsonObject;
  /** Every edit, as a new document (members the form does not know are preserved). */
  onChange(next: JsonObject): void;
  /** Shown next to the field whose path they name (or the nearest rendered one above it). */
  findings: readonly LintFinding[];
  /** A "Fix: <title>" button next to each finding with a fix. */
  onApplyFix?(finding: LintFinding): void;
  /** On change (and on mount): opens what holds the path, focuses and scrolls to its field. */
  focusRequest?: { path: string; nonce: number };
  /** When given, each image field gets "Choose from ECR", which renders this. */
  renderImagePicker?(props: ImagePickerRenderProps): ReactNode;
  /** The studio's region: "Use awslogs defaults" writes it as awslogs-region. */
  region?: string;
}

const TASK_KEYS = [
  'family',
  'requiresCompatibilities',
  'networkMode',
  'cpu',
  'memory',
  'runtimePlatform',
  'ephemeralStorage',
  'pidMode',
  'ipcMode',
];
const ROLE_KEYS = ['taskRoleArn', 'executionRoleArn'];
const KNOWN_TOP = new Set([...TASK_KEYS, ...ROLE_KEYS, 'containerDefinitions', 'volumes', 'tags']);
const MAX_CONTAINERS = 10;

const within = (keys: readonly string[]) => (path: string) =>
  keys.some((key) => isWithin(path, key));
const inTask = within(TASK_KEYS);
const inRoles = within(ROLE_KEYS);
const inContainers = within(['containerDefinitions']);
const inVolumes = within(['volumes']);
const inTags = within(['tags']);

/** The findings of a part of the document (by where they are shown). */
const findingsOf = (placed: readonly PlacedFinding[], test: (anchor: string) => boolean) =>
  placed.filter((item) => test(item.anchor)).map((item) => item.finding);

/** Same request (a parent may build the object anew each render). */
const sameRequest = (a: FocusRequest | undefined, b: FocusRequest | undefined) =>
  a?.path === b?.path && a?.nonce === b?.nonce;

/**
 * The task-definition studio's form: every field edits the JSON document through small immutable
 * path edits, so the JSON view and the form stay one document. Wrongly typed members are shown
 * read-only ("edit in JSON"); findings are shown where they point.
 */
export function TaskDefinitionForm(props: TaskDefinitionFormProps): JSX.Element {
  const { value, findings, focusRequest } = props;
  const document = useMemo<JsonObject>(() => (isJsonObject(value) ? value : {}), [value]);
  const rootRef = useRef<HTMLDivElement>(null);
  const idPrefix = `tdf${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  // Edits read the latest props through a ref so the API (and the memoized cards) stay stable.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const [request, setRequest] = useState<FocusRequest | undefined>(() =>
    focusRequest ? { path: focusRequest.path, nonce: 1 } : undefined,
  );
  const [seenRequest, setSeenRequest] = useState(focusRequest);
  if (!sameRequest(focusRequest, seenRequest)) {
    setSeenRequest(focusRequest);
    if (focusRequest) setRequest({ path: focusRequest.path, nonce: (request?.nonce ?? 0) + 1 });
  }
  useEffect(() => {
    if (request && rootRef.current)
      focusClosest(rootRef.current, request.path, latest.current.value);
  }, [request]);

  const api = useMemo<FormApi>(() => {
    const update = (edit: (document: JsonObject) => JsonObject) => {
      const current = latest.current;
      const before = isJsonObject(current.value) ? current.value : {};
      const next = edit(before);
      if (next === before) return;
      // A second edit in the same event builds on this one, not on the last render's document.
      latest.current = { ...current, value: next };
      current.onChange(next);
    };
    return {
      update,
      set: (segments, next, options) =>
        update((document) => setOrRemove(document, segments, next, options)),
      getDocument: () => latest.current.value,
      getRegion: () => latest.current.region,
      requestFocus: (path) =>
        setRequest((previous) => ({ path, nonce: (previous?.nonce ?? 0) + 1 })),
      idFor: (path, part) => idForPath(idPrefix, path, part),
      renderImagePicker: (pickerProps) => latest.current.renderImagePicker?.(pickerProps) ?? null,
    };
  }, [idPrefix]);

  const hasFix = props.onApplyFix !== undefined;
  const applyFix = useMemo(
    () => (hasFix ? (finding: LintFinding) => latest.current.onApplyFix?.(finding) : undefined),
    [hasFix],
  );
  const placed = useMemo(() => placeFindings(findings, document), [findings, document]);
  const byAnchor = useMemo(() => groupByAnchor(placed), [placed]);
  const scope = useMemo(() => ({ byAnchor, applyFix }), [byAnchor, applyFix]);

  const containers = readArray(document.containerDefinitions);
  const containerValue = containers.state === 'ok' ? containers.value : undefined;
  const containerList = useMemo(() => containerValue ?? [], [containerValue]);
  const perContainer = useMemo(
    () =>
      containerList.map((_, index) =>
        placed.filter((item) => isWithin(item.anchor, `containerDefinitions[${index}]`)),
      ),
    [containerList, placed],
  );

  const compatibilities = readStringArray(document.requiresCompatibilities);
  const fargate = compatibilities.state === 'ok' && compatibilities.value.includes('FARGATE');
  const networkMode = effectiveNetworkMode(document.networkMode);
  const explicitMode = typeof document.networkMode === 'string' && document.networkMode !== '';
  const volumes = readArray(document.volumes);
  const volumeNamesKey = (volumes.state === 'ok' ? volumes.value : [])
    .map((volume) => (isJsonObject(volume) && typeof volume.name === 'string' ? volume.name : ''))
    .filter(Boolean)
    .join('\n');
  const containerNamesKey = containerList
    .map((container) =>
      isJsonObject(container) && typeof container.name === 'string' ? container.name : '',
    )
    .join('\n');
  const hasImagePicker = props.renderImagePicker !== undefined;
  const count = containerList.length;
  const context = useMemo<ContainerContext>(
    () => ({
      networkMode,
      explicitMode,
      fargate,
      volumeNames: volumeNamesKey === '' ? [] : volumeNamesKey.split('\n'),
      containerNames: count === 0 ? [] : containerNamesKey.split('\n'),
      hasImagePicker,
      defaultOpen: count <= 3,
    }),
    [networkMode, explicitMode, fargate, volumeNamesKey, containerNamesKey, hasImagePicker, count],
  );

  const rootFindings = byAnchor.get('') ?? [];
  const unknown = otherMembers(document, KNOWN_TOP);
  const addContainer = () => {
    const names = context.containerNames;
    api.update((current) =>
      insertItem(current, ['containerDefinitions'], {
        name: uniqueName(`container-${names.length + 1}`, names),
        essential: true,
      }),
    );
    api.requestFocus(`containerDefinitions[${count}].name`);
  };

  return (
    <FormApiProvider value={api}>
      <FindingsProvider value={scope}>
        <FocusProvider value={request}>
          <div ref={rootRef} tabIndex={-1} data-anchor="" className="space-y-4 outline-none">
            {(rootFindings.length > 0 || unknown.length > 0) && (
              <div className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
                <FindingList findings={rootFindings} />
                {unknown.length > 0 && (
                  <p className={HINT}>
                    Also set: <span className="font-mono">{unknown.join(', ')}</span> (edit in
                    JSON).
                  </p>
                )}
              </div>
            )}
            <Collapsible
              label="Task"
              heading="Task"
              anchor="#task"
              contains={inTask}
              findings={findingsOf(placed, inTask)}
            >
              <TaskFields document={document} />
            </Collapsible>
            <Collapsible
              label="Roles"
              heading="Roles"
              anchor="#roles"
              contains={inRoles}
              findings={findingsOf(placed, inRoles)}
            >
              <RoleFields document={document} />
            </Collapsible>
            <Collapsible
              label="Containers"
              heading={`Containers (${count})`}
              anchor="containerDefinitions"
              contains={inContainers}
              findings={findingsOf(placed, inContainers)}
              actions={
                containers.state !== 'wrong' && (
                  <button
                    type="button"
                    onClick={addContainer}
                    disabled={count >= MAX_CONTAINERS}
                    title={
                      count >= MAX_CONTAINERS
                        ? 'A task definition holds at most 10 containers.'
                        : undefined
                    }
                    className={SMALL_BUTTON}
                  >
                    Add container
                  </button>
                )
              }
            >
              <FindingList findings={byAnchor.get('containerDefinitions') ?? []} />
              {containers.state === 'wrong' ? (
                <ReadOnlyField
                  label="Containers"
                  segments={['containerDefinitions']}
                  value={containers.raw}
                />
              ) : count === 0 ? (
                <p className={HINT}>No containers yet: a task definition needs 1 to 10.</p>
              ) : (
                containerList.map((container: JsonValue, index) => (
                  <ContainerCard
                    key={index}
                    index={index}
                    container={container}
                    findings={perContainer[index] ?? []}
                    context={context}
                  />
                ))
              )}
            </Collapsible>
            <Collapsible
              label="Volumes"
              heading="Volumes"
              anchor="#volumes"
              contains={inVolumes}
              findings={findingsOf(placed, inVolumes)}
            >
              <VolumesFields value={document.volumes} />
            </Collapsible>
            <Collapsible
              label="Tags"
              heading="Tags"
              anchor="#tags"
              contains={inTags}
              findings={findingsOf(placed, inTags)}
            >
              <RowList
                title="Tags"
                noun="tag"
                segments={['tags']}
                value={document.tags}
                columns={[
                  { key: 'key', header: 'key', kind: 'text', mono: true, placeholder: 'team' },
                  { key: 'value', header: 'value', kind: 'text', mono: true },
                ]}
                newRow={() => ({})}
                hint="Up to 50; keys may not start with aws:."
                empty="No tags."
              />
            </Collapsible>
          </div>
        </FocusProvider>
      </FindingsProvider>
    </FormApiProvider>
  );
}

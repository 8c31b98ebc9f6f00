import {
  formatPath,
  parsePath,
  type LintFinding,
  type PathSegment,
} from '@deckhand/shared/taskdef';

/**
 * Where the form shows a finding. The tree mirrors what the form renders: a finding goes to the
 * deepest rendered node on its path (`…portMappings[1].hostPort` to that input,
 * `…linuxParameters.capabilities` to its container card, `placementConstraints` to the document).
 */
type Node =
  | { kind: 'leaf' }
  | { kind: 'object'; members: Readonly<Record<string, Node>> }
  | { kind: 'array'; element: Node }
  /** An object whose every member is a row (log options). */
  | { kind: 'map' };

const leaf: Node = { kind: 'leaf' };
const object = (...names: string[]): Node => ({
  kind: 'object',
  members: Object.fromEntries(names.map((name) => [name, leaf])),
});
const withMembers = (members: Record<string, Node>): Node => ({ kind: 'object', members });
const arrayOf = (element: Node): Node => ({ kind: 'array', element });

const CONTAINER = withMembers({
  ...Object.fromEntries(
    [
      'name',
      'image',
      'essential',
      'cpu',
      'memory',
      'memoryReservation',
      'command',
      'entryPoint',
      'user',
      'workingDirectory',
      'privileged',
      'readonlyRootFilesystem',
    ].map((name) => [name, leaf]),
  ),
  portMappings: arrayOf(object('containerPort', 'hostPort', 'protocol', 'name', 'appProtocol')),
  environment: arrayOf(object('name', 'value')),
  secrets: arrayOf(object('name', 'valueFrom')),
  healthCheck: object('command', 'interval', 'timeout', 'retries', 'startPeriod'),
  logConfiguration: withMembers({ logDriver: leaf, options: { kind: 'map' } }),
  dependsOn: arrayOf(object('containerName', 'condition')),
  mountPoints: arrayOf(object('sourceVolume', 'containerPath', 'readOnly')),
});

const VOLUME = withMembers({
  name: leaf,
  host: object('sourcePath'),
  dockerVolumeConfiguration: object('scope', 'driver', 'autoprovision'),
  efsVolumeConfiguration: withMembers({
    fileSystemId: leaf,
    rootDirectory: leaf,
    transitEncryption: leaf,
    authorizationConfig: object('accessPointId', 'iam'),
  }),
});

const DOCUMENT = withMembers({
  ...Object.fromEntries(
    [
      'family',
      'requiresCompatibilities',
      'networkMode',
      'cpu',
      'memory',
      'ephemeralStorage',
      'pidMode',
      'ipcMode',
      'taskRoleArn',
      'executionRoleArn',
    ].map((name) => [name, leaf]),
  ),
  runtimePlatform: object('cpuArchitecture', 'operatingSystemFamily'),
  containerDefinitions: arrayOf(CONTAINER),
  volumes: arrayOf(VOLUME),
  tags: arrayOf(object('key', 'value')),
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The path of the rendered node a finding at `path` is shown at ('' = the document). With the
 * document it also stops where the form renders nothing deeper: a missing array element or log
 * option, or a holder of the wrong type (shown read-only at its own path).
 */
export function resolveAnchor(path: string, document?: unknown): string {
  const segments = parsePath(path);
  if (!segments) return '';
  const checked = document !== undefined;
  const matched: PathSegment[] = [];
  let node: Node = DOCUMENT;
  let actual: unknown = document;
  for (const segment of segments) {
    if (node.kind === 'leaf') break;
    if (node.kind === 'array') {
      if (typeof segment !== 'number') break;
      if (checked && !(Array.isArray(actual) && segment < actual.length)) break;
      node = node.element;
      actual = Array.isArray(actual) ? (actual as unknown[])[segment] : undefined;
    } else if (node.kind === 'map') {
      if (typeof segment !== 'string') break;
      if (checked && !(isObject(actual) && Object.hasOwn(actual, segment))) break;
      node = leaf;
      actual = isObject(actual) ? actual[segment] : undefined;
    } else {
      const next: Node | undefined =
        typeof segment === 'string' && Object.hasOwn(node.members, segment)
          ? node.members[segment]
          : undefined;
      if (!next) break;
      if (checked && actual !== undefined && actual !== null && !isObject(actual)) break;
      node = next;
      actual = isObject(actual) && typeof segment === 'string' ? actual[segment] : undefined;
    }
    matched.push(segment);
  }
  return formatPath(matched);
}

/** Whether `path` is `prefix` or inside it (`''` holds everything). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** A finding with the node it is shown at. */
export interface PlacedFinding {
  anchor: string;
  finding: LintFinding;
}

/** Each finding with the node it is shown at in this document. */
export function placeFindings(
  findings: readonly LintFinding[],
  document?: unknown,
): PlacedFinding[] {
  return findings.map((finding) => ({ anchor: resolveAnchor(finding.path, document), finding }));
}

/** Findings by the node they are shown at. */
export function groupByAnchor(placed: readonly PlacedFinding[]): Map<string, LintFinding[]> {
  const groups = new Map<string, LintFinding[]>();
  for (const { anchor, finding } of placed) {
    const group = groups.get(anchor);
    if (group) group.push(finding);
    else groups.set(anchor, [finding]);
  }
  return groups;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(findings: readonly { severity: LintFinding['severity'] }[]) {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 errors, 1 warning"; '' when there is nothing to say. */
export function describeCounts(counts: SeverityCounts): string {
  return [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    counts.info > 0 ? plural(counts.info, 'note') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Same findings (by what they say), so a memoized card can skip a lint run that changed nothing. */
export function sameFindings(a: readonly PlacedFinding[], b: readonly PlacedFinding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((left, index) => {
    const right = b[index];
    return (
      right !== undefined &&
      left.anchor === right.anchor &&
      left.finding.ruleId === right.finding.ruleId &&
      left.finding.severity === right.finding.severity &&
      left.finding.path === right.finding.path &&
      left.finding.message === right.finding.message &&
      left.finding.docUrl === right.finding.docUrl &&
      JSON.stringify(left.finding.fix) === JSON.stringify(right.finding.fix)
    );
  });
}

/** A stable element id for the input at a path: every character but letters and digits encoded. */
export function idForPath(prefix: string, path: string, part = ''): string {
  const safe = path.replace(
    /[^A-Za-z0-9]/g,
    (char) => `_${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${prefix}-${safe || 'doc'}${part ? `--${part}` : ''}`;
}

import type { DiffChange } from '@deckhand/shared/taskdef';

/** The changes of one container, or of the task itself (`container` undefined). */
export interface ChangeGroup {
  container: string | undefined;
  changes: DiffChange[];
}

/** Task-level changes first, then each container in the order its first change appears. */
export function groupChanges(changes: readonly DiffChange[]): ChangeGroup[] {
  const task: ChangeGroup = { container: undefined, changes: [] };
  const byContainer = new Map<string, ChangeGroup>();
  for (const change of changes) {
    if (change.container === undefined) {
      task.changes.push(change);
      continue;
    }
    let group = byContainer.get(change.container);
    if (!group) {
      group = { container: change.container, changes: [] };
      byContainer.set(change.container, group);
    }
    group.changes.push(change);
  }
  return [...(task.changes.length > 0 ? [task] : []), ...byContainer.values()];
}

/** The badge text of a change category. */
export const CATEGORY_LABEL: Record<DiffChange['category'], string> = {
  image: 'image tag',
  environment: 'env',
  secrets: 'secrets',
  resources: 'cpu/memory',
  ports: 'ports',
  containers: 'containers',
  volumes: 'volumes',
  roles: 'roles',
  network: 'network',
  logging: 'logging',
  health: 'health check',
  other: 'other',
};

/** How many changes of each category, most frequent first: the summary line above the groups. */
export function countCategories(
  changes: readonly DiffChange[],
): { category: DiffChange['category']; count: number }[] {
  const counts = new Map<DiffChange['category'], number>();
  for (const change of changes) counts.set(change.category, (counts.get(change.category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((x, y) => y.count - x.count || x.category.localeCompare(y.category));
}

/**
 * The label without the group it is shown under: `web › env PORT` under "Container web" reads
 * `env PORT`, `task › memory` under "Task" reads `memory`.
 */
export function shortLabel(change: DiffChange): string {
  const prefix = `${change.container ?? 'task'} › `;
  return change.label.startsWith(prefix) ? change.label.slice(prefix.length) : change.label;
}

/** `{name, value}` or `{name, valueFrom}` (env, secrets): the label names it, show the value. */
function entryValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('name')) return value;
  if ('value' in value) return value.value;
  if ('valueFrom' in value) return value.valueFrom;
  return value;
}

/** A changed value in one line: strings as they are, the rest as compact JSON, long ones cut. */
export function formatChangeValue(raw: unknown, max = 120): string {
  const value = entryValue(raw);
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The console's keyboard shortcuts: what each key does, and a matcher that turns key presses into
 * shortcut ids. Single keys never fire while the user types (an input, a text area, a select, an
 * editable element), so `/`, `?` and `g` stay ordinary characters there; Ctrl/Cmd+K works anywhere.
 */

export type GoTarget = 'clusters' | 'task-definitions' | 'registry' | 'traces';
export type ShortcutId = 'palette' | 'filter' | 'help' | `go-${GoTarget}`;

/** The second key of each `g` sequence. */
export const GO_KEYS: Readonly<Record<string, GoTarget>> = {
  c: 'clusters',
  t: 'task-definitions',
  r: 'registry',
  x: 'traces',
};

/** How long after `g` the second key of a sequence still counts. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export interface ShortcutHelp {
  /** Each alternative is a list of keys pressed in turn (`['g', 'c']`) or together (`Ctrl K`). */
  keys: string[][];
  description: string;
}

/** What the shortcuts dialog lists, in order. */
export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: [['Ctrl K'], ['⌘ K']], description: 'Open the command palette' },
  { keys: [['/']], description: 'Focus the page’s filter' },
  { keys: [['?']], description: 'Show keyboard shortcuts' },
  { keys: [['g', 'c']], description: 'Go to clusters' },
  { keys: [['g', 't']], description: 'Go to task definitions' },
  { keys: [['g', 'r']], description: 'Go to the registry' },
  { keys: [['g', 'x']], description: 'Go to traces' },
  { keys: [['Esc']], description: 'Close the palette or dialog' },
];

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Whether a key press on this element is the user typing (so single-key shortcuts stay quiet). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  const role = target.getAttribute('role');
  if (role === 'textbox' || role === 'combobox' || role === 'searchbox') return true;
  // jsdom lacks isContentEditable; the attribute says the same.
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** The subset of a KeyboardEvent the matcher reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  timeStamp: number;
}

/**
 * A stateful matcher (it remembers a pending `g`): feed it every keydown, it answers the shortcut
 * the press completes, if any.
 */
export function createShortcutMatcher(
  timeoutMs: number = SEQUENCE_TIMEOUT_MS,
): (press: KeyPress) => ShortcutId | undefined {
  let pendingGoAt: number | undefined;
  return (press) => {
    const pending = pendingGoAt;
    pendingGoAt = undefined;
    const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
    if ((press.ctrlKey || press.metaKey) && !press.altKey && key === 'k') return 'palette';
    if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
    if (isTypingTarget(press.target)) return undefined;
    if (pending !== undefined && press.timeStamp - pending <= timeoutMs) {
      const target = GO_KEYS[key];
      if (target) return `go-${target}`;
    }
    if (press.key === '/') return 'filter';
    if (press.key === '?') return 'help';
    if (key === 'g') pendingGoAt = press.timeStamp;
    return undefined;
  };
}

/**
 * Focuses the page's own filter: the first element marked `data-page-filter` (the convention every
 * page follows), else the first search field. Returns whether there was one.
 */
export function focusPageFilter(root: ParentNode = document): boolean {
  const filter =
    root.querySelector<HTMLElement>('[data-page-filter]') ??
    root.querySelector<HTMLElement>('input[type="search"]');
  if (!filter) return false;
  filter.focus();
  if (filter instanceof HTMLInputElement) filter.select();
  return true;
}

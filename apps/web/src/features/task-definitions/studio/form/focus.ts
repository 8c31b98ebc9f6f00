import { formatPath, parsePath } from '@deckhand/shared/taskdef';
import { resolveAnchor } from './lib/anchors';

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const CONTROLS = 'input:not([type="hidden"]), select, textarea';

/** The control to focus for an element found by path: itself, or the first control inside it. */
function controlIn(element: HTMLElement): HTMLElement {
  if (element.matches(CONTROLS)) return element;
  return element.querySelector<HTMLElement>(CONTROLS) ?? element;
}

/** The element showing `path`: its input (not a log option's key input), else its anchor. */
function elementAt(root: HTMLElement, path: string): HTMLElement | undefined {
  const inputs = Array.from(root.querySelectorAll<HTMLElement>(`[data-path=${quoted(path)}]`));
  const input = inputs.find((element) => !element.closest('[data-part="key"]')) ?? inputs[0];
  if (input) return input;
  return root.querySelector<HTMLElement>(`[data-anchor=${quoted(path)}]`) ?? undefined;
}

/**
 * Moves focus to the field showing `path`, or to the nearest one above it that the form renders
 * (a row, a card, the form itself), and scrolls it into view. Returns what was focused.
 */
export function focusClosest(root: HTMLElement, path: string, document?: unknown): HTMLElement {
  let target = elementAt(root, path);
  if (!target) {
    const segments = parsePath(resolveAnchor(path, document)) ?? [];
    while (!target && segments.length > 0) {
      target = elementAt(root, formatPath(segments));
      segments.pop();
    }
  }
  const element = target ? controlIn(target) : root;
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return element;
}

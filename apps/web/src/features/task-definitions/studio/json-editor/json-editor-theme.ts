import { syntaxTree } from '@codemirror/language';
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

/**
 * The editor's look in the app's light and dark themes. Both live in one theme: dark rules are
 * scoped under `.dark` (the class theme.ts puts on <html>), so a theme switch needs no
 * reconfiguration; the editor is only told which base theme to use (see json-editor.tsx).
 *
 * Syntax colours come from marks on the JSON tree's tokens rather than a HighlightStyle, which
 * would need @lezer/highlight's tags (not a dependency of the web app).
 */

const TOKEN_CLASSES: Record<string, string> = {
  PropertyName: 'cm-json-key',
  String: 'cm-json-string',
  Number: 'cm-json-number',
  True: 'cm-json-literal',
  False: 'cm-json-literal',
  Null: 'cm-json-literal',
};

const marks = new Map(
  Object.entries(TOKEN_CLASSES).map(([name, className]) => [
    name,
    Decoration.mark({ class: className }),
  ]),
);

function tokenDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const tree = syntaxTree(view.state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        const mark = marks.get(node.name);
        if (mark && node.to > node.from) builder.add(node.from, node.to, mark);
      },
    });
  }
  return builder.finish();
}

/** Colours keys, strings, numbers and literals by their node in the JSON tree. */
export const jsonTokenColours = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;

    constructor(view: EditorView) {
      this.decorations = tokenDecorations(view);
    }

    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = tokenDecorations(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// Tailwind's slate/sky/emerald/amber/violet, at contrasts ≥ 4.5:1 on their backgrounds.
const light = {
  background: '#ffffff',
  text: '#1e293b',
  gutter: '#f8fafc',
  gutterText: '#64748b',
  border: '#e2e8f0',
  activeLine: '#f0f9ff',
  activeGutter: '#e0f2fe',
  cursor: '#0f172a',
  selection: '#bae6fd',
  key: '#0369a1',
  string: '#047857',
  number: '#b45309',
  literal: '#6d28d9',
  tooltip: '#ffffff',
  matching: '#d1fae5',
};

const dark: typeof light = {
  background: '#0f172a',
  text: '#e2e8f0',
  gutter: '#020617',
  gutterText: '#94a3b8',
  border: '#334155',
  activeLine: '#1e293b80',
  activeGutter: '#1e293b',
  cursor: '#f1f5f9',
  selection: '#075985',
  key: '#7dd3fc',
  string: '#6ee7b7',
  number: '#fcd34d',
  literal: '#c4b5fd',
  tooltip: '#1e293b',
  matching: '#065f46',
};

function colours(scope: string, c: typeof light) {
  return {
    [`${scope}`]: { backgroundColor: c.background, color: c.text },
    [`${scope} .cm-content`]: { caretColor: c.cursor },
    [`${scope} .cm-cursor, ${scope} .cm-dropCursor`]: { borderLeftColor: c.cursor },
    [`${scope} .cm-content ::selection, ${scope} .cm-selectionBackground`]: {
      backgroundColor: c.selection,
    },
    [`${scope} .cm-gutters`]: {
      backgroundColor: c.gutter,
      color: c.gutterText,
      borderRight: `1px solid ${c.border}`,
    },
    [`${scope} .cm-activeLine`]: { backgroundColor: c.activeLine },
    [`${scope} .cm-activeLineGutter`]: { backgroundColor: c.activeGutter, color: c.text },
    [`${scope}.cm-focused .cm-matchingBracket`]: { backgroundColor: c.matching },
    [`${scope} .cm-tooltip`]: {
      backgroundColor: c.tooltip,
      color: c.text,
      border: `1px solid ${c.border}`,
      borderRadius: '0.375rem',
    },
    [`${scope} .cm-panels`]: { backgroundColor: c.gutter, color: c.text },
    [`${scope} .cm-foldPlaceholder`]: {
      backgroundColor: c.activeGutter,
      color: c.gutterText,
      border: 'none',
    },
    [`${scope} .cm-json-key`]: { color: c.key },
    [`${scope} .cm-json-string`]: { color: c.string },
    [`${scope} .cm-json-number`]: { color: c.number },
    [`${scope} .cm-json-literal`]: { color: c.literal, fontWeight: '600' },
    [`${scope} .cm-finding-rule`]: { color: c.gutterText },
    [`${scope} .cm-finding-doc`]: { color: c.key, textDecoration: 'underline' },
  };
}

export const jsonEditorTheme: Extension = EditorView.theme({
  '&': { height: '100%', fontSize: '0.8125rem' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    overflow: 'auto',
    fontFamily:
      'var(--font-mono, ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", monospace)',
    lineHeight: '1.5',
  },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'inherit' },
  '.cm-finding-rule': { fontSize: '0.85em' },
  ...colours('&', light),
  ...colours('.dark &', dark),
});

/** Whether the app shows its dark theme now. */
export function isDarkTheme(root: HTMLElement = document.documentElement): boolean {
  return root.classList.contains('dark');
}

/** Calls `listener` whenever the `dark` class on <html> comes or goes; returns the unsubscribe. */
export function observeDarkTheme(listener: (dark: boolean) => void): () => void {
  const root = document.documentElement;
  let dark = isDarkTheme(root);
  const observer = new MutationObserver(() => {
    if (isDarkTheme(root) === dark) return;
    dark = isDarkTheme(root);
    listener(dark);
  });
  observer.observe(root, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

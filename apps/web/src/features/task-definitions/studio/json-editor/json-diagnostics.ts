import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import type { LintFinding } from '@deckhand/shared/taskdef';
import type { SyntaxNode, Tree } from '@lezer/common';
import { markRangeOfPath, parseJson } from './json-paths';

/**
 * The editor's diagnostics without a CodeMirror `linter`: the studio lints the document with the
 * shared rules and hands the findings in (`setFindings`); syntax errors come from the parse tree.
 * Both are pushed with `setDiagnostics` whenever either changes.
 */

export interface FindingsState {
  findings: readonly LintFinding[];
  /** Whether fixes can be applied (the host gave an `onApplyFix`). */
  fixable: boolean;
}

export const setFindings = StateEffect.define<FindingsState>();

export const findingsField = StateField.define<FindingsState>({
  create: () => ({ findings: [], fixable: false }),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setFindings)) value = effect.value;
    return value;
  },
});

/** So many syntax errors at once is a paste gone wrong; the first ones say enough. */
const MAX_SYNTAX_ERRORS = 20;

const quote = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);

function syntaxMessage(node: SyntaxNode, text: string): string {
  const body = text.slice(node.from, node.to).trim();
  const before = node.prevSibling?.name;
  const after = node.nextSibling?.name;
  const parent = node.parent?.name;
  if (text.trim() === '') return 'The document is empty: expected a JSON object.';
  if (body === '' && node.from >= text.trimEnd().length) {
    return 'The document ends too early: close every string, object and array.';
  }
  if (body.startsWith('"')) {
    return body.length > 1 && body.endsWith('"')
      ? 'Invalid escape in string: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX.'
      : 'Unterminated string: close it with ".';
  }
  if (parent === 'Property' && before === 'PropertyName')
    return "Expected ':' after the member name.";
  if (parent === 'Property' && before === ':' && !/^[A-Za-z]/.test(body)) {
    return body ? `Expected a value after ':', not ${quote(body)}.` : "Expected a value after ':'.";
  }
  if ((parent === 'Object' || parent === 'Array') && body === '' && before === ',') {
    return after === '}' || after === ']'
      ? 'Trailing comma: JSON allows none before the closing bracket.'
      : 'Expected a value between the commas.';
  }
  if (parent === 'Object' && /^[A-Za-z_$]/.test(body)) {
    return `Member names are double-quoted strings: write "${body.split(/\W/)[0] ?? body}".`;
  }
  if (before === 'Property' || (parent === 'Array' && before !== '[' && before !== ',')) {
    return parent === 'Object' ? "Expected ',' between members." : "Expected ',' between elements.";
  }
  if (/^[A-Za-z]/.test(body)) {
    return `Unexpected ${quote(body)}: values are strings, numbers, true, false, null, objects or arrays.`;
  }
  return body ? `Unexpected ${quote(body)}.` : 'Syntax error.';
}

/**
 * Diagnostics for what the parser could not read. When the tree is clean but JSON.parse still
 * refuses (a raw control character in a string), that error, at the position it names.
 */
export function syntaxDiagnostics(text: string, tree: Tree = parseJson(text)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  tree.iterate({
    enter(node) {
      if (diagnostics.length >= MAX_SYNTAX_ERRORS) return false;
      if (!node.type.isError) return undefined;
      diagnostics.push({
        from: node.from,
        to: node.to,
        severity: 'error',
        source: 'JSON',
        message: syntaxMessage(node.node, text),
      });
      return false;
    },
  });
  if (diagnostics.length > 0 || text.trim() === '') return diagnostics;
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Math.min(Number(/position (\d+)/.exec(message)?.[1] ?? 0), text.length);
    diagnostics.push({
      from: position,
      to: Math.min(position + 1, text.length),
      severity: 'error',
      source: 'JSON',
      message: `Invalid JSON: ${message}`,
    });
  }
  return diagnostics;
}

function renderFinding(finding: LintFinding): Node {
  const root = document.createElement('span');
  const rule = document.createElement('code');
  rule.className = 'cm-finding-rule';
  rule.textContent = finding.ruleId;
  root.append(finding.message, ' ', rule);
  if (finding.docUrl && /^https?:\/\//.test(finding.docUrl)) {
    const link = document.createElement('a');
    link.href = finding.docUrl;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.className = 'cm-finding-doc';
    link.textContent = 'AWS docs';
    root.append(' ', link);
  }
  return root;
}

/** The findings as diagnostics, each at its path (or nearest existing ancestor). */
export function findingDiagnostics(
  text: string,
  findings: readonly LintFinding[],
  onApplyFix?: (finding: LintFinding) => void,
  tree: Tree = parseJson(text),
): Diagnostic[] {
  return findings.map((finding) => {
    const range = markRangeOfPath(text, finding.path, tree) ?? {
      from: 0,
      to: Math.min(1, text.length),
    };
    const fix = finding.fix;
    return {
      ...range,
      severity: finding.severity,
      message: `${finding.message} (${finding.ruleId})`,
      renderMessage: () => renderFinding(finding),
      ...(fix &&
        onApplyFix && {
          actions: [{ name: `Fix: ${fix.title}`, apply: () => onApplyFix(finding) }],
        }),
    };
  });
}

/** Everything the editor shows for this state, in document order. */
export function buildDiagnostics(
  state: EditorState,
  onApplyFix: (finding: LintFinding) => void,
): Diagnostic[] {
  const text = state.doc.toString();
  const tree = ensureSyntaxTree(state, state.doc.length, 50) ?? parseJson(text);
  const { findings, fixable } = state.field(findingsField);
  return [
    ...syntaxDiagnostics(text, tree),
    ...findingDiagnostics(text, findings, fixable ? onApplyFix : undefined, tree),
  ].sort((a, b) => a.from - b.from || a.to - b.to);
}

export interface FindingsLintOptions {
  onApplyFix: (finding: LintFinding) => void;
  /** Milliseconds after an edit before syntax errors are redrawn; typing is not an error yet. */
  delay?: number;
}

/**
 * Keeps the diagnostics in step: at once when the findings change, `delay` after edits. Until
 * then the lint state maps the old diagnostics through the edits.
 */
export function findingsLint({ onApplyFix, delay = 400 }: FindingsLintOptions): Extension {
  const sync = ViewPlugin.fromClass(
    class {
      timer: ReturnType<typeof setTimeout> | undefined;
      /** Whether the pending run is an immediate one (new findings), which edits do not delay. */
      immediate = false;

      constructor(readonly view: EditorView) {
        this.schedule(0);
      }

      update(update: ViewUpdate) {
        if (update.startState.field(findingsField) !== update.state.field(findingsField)) {
          this.schedule(0);
        } else if (
          update.docChanged ||
          syntaxTree(update.startState) !== syntaxTree(update.state)
        ) {
          this.schedule(delay);
        }
      }

      /** Runs `ms` from now (a debounce), but never later than an immediate run already due. */
      schedule(ms: number) {
        if (this.timer !== undefined && this.immediate) return;
        clearTimeout(this.timer);
        this.immediate = ms === 0;
        this.timer = setTimeout(() => this.run(), ms);
      }

      run() {
        this.timer = undefined;
        this.view.dispatch(
          setDiagnostics(this.view.state, buildDiagnostics(this.view.state, onApplyFix)),
        );
      }

      destroy() {
        clearTimeout(this.timer);
      }
    },
  );
  return [findingsField, sync];
}

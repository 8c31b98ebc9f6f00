import { closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { LintFinding } from '@deckhand/shared/taskdef';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type JSX, type Ref } from 'react';
import { findingsLint, setFindings } from './json-diagnostics';
import {
  isDarkTheme,
  jsonEditorTheme,
  jsonTokenColours,
  observeDarkTheme,
} from './json-editor-theme';
import { rangeOfPath } from './json-paths';
import { jsonSchemaSupport } from './json-schema-support';
import { cspNonce } from '../../../../lib/csp-nonce';

export interface JsonEditorHandle {
  /** Selects what `path` points at (or its nearest existing ancestor), scrolls to it, focuses. */
  revealPath(path: string): void;
  focus(): void;
}

export interface JsonEditorProps {
  /** The document text (controlled: the studio owns it). */
  value: string;
  /** Every user edit; never called for a change of `value`. */
  onChange: (text: string) => void;
  /** Shown inline and in the gutter. */
  findings: readonly LintFinding[];
  /** Offered as a "Fix: …" action on findings that carry a fix. */
  onApplyFix?: (finding: LintFinding) => void;
  readOnly?: boolean;
  ariaLabel?: string;
  ref?: Ref<JsonEditorHandle>;
}

/** Marks the transactions that bring in `value` from outside, which onChange must not echo. */
const external = Annotation.define<boolean>();

/** The smallest single change turning `from` into `to`, so the cursor and history map sensibly. */
function diff(from: string, to: string) {
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < shorter - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  ) {
    end += 1;
  }
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

const readOnlyExtensions = (readOnly: boolean) =>
  readOnly
    ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true' })]
    : [];

/**
 * The task definition as JSON, in CodeMirror: completion and hover docs from the ECS model, the
 * studio's lint findings inline (with their fixes), syntax errors from the parse tree. Tab is not
 * bound, so Tab (or Escape, then Tab) moves focus on as everywhere else on the page.
 */
export function JsonEditor({
  value,
  onChange,
  findings,
  onApplyFix,
  readOnly = false,
  ariaLabel = 'Task definition JSON',
  ref,
}: JsonEditorProps): JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The editor is created once; what it calls back reads the latest props through refs.
  const latest = useRef({ value, onChange, onApplyFix, readOnly, ariaLabel });
  useLayoutEffect(() => {
    latest.current = { value, onChange, onApplyFix, readOnly, ariaLabel };
  });
  /** Texts sent through onChange that `value` has not caught up with yet. */
  const pending = useRef<string[]>([]);
  /** The findings last handed to the editor. */
  const shownFindings = useRef<{ findings: readonly LintFinding[]; fixable: boolean } | null>(null);
  const compartments = useRef({
    readOnly: new Compartment(),
    label: new Compartment(),
    dark: new Compartment(),
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const initial = latest.current;
    const { readOnly: readOnlyC, label, dark } = compartments.current;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          json(),
          jsonTokenColours,
          jsonSchemaSupport(),
          findingsLint({ onApplyFix: (finding) => latest.current.onApplyFix?.(finding) }),
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...foldKeymap,
            ...completionKeymap,
            ...lintKeymap,
          ]),
          jsonEditorTheme,
          // The editor's styles go into a <style> element: under the CSP it needs the nonce.
          EditorView.cspNonce.of(cspNonce() ?? ''),
          // Reachable with Tab like any field (axe: a scrolling region needs focusable content).
          EditorView.contentAttributes.of({ tabindex: '0' }),
          dark.of(EditorView.darkTheme.of(isDarkTheme())),
          readOnlyC.of(readOnlyExtensions(initial.readOnly)),
          label.of(EditorView.contentAttributes.of({ 'aria-label': initial.ariaLabel })),
          EditorView.updateListener.of((update) => {
            const edited = update.transactions.some(
              (tr) => tr.docChanged && tr.annotation(external) !== true,
            );
            if (!edited) return;
            const text = update.state.doc.toString();
            pending.current.push(text);
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    viewRef.current = view;
    const stopObserving = observeDarkTheme((isDark) =>
      view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(isDark)) }),
    );
    return () => {
      stopObserving();
      view.destroy();
      viewRef.current = null;
      shownFindings.current = null;
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    if (value === doc) {
      pending.current = [];
      return;
    }
    // An echo of an edit typed since (React rendered between keystrokes): the doc is ahead.
    const echo = pending.current.indexOf(value);
    if (echo >= 0) {
      pending.current = pending.current.slice(echo + 1);
      return;
    }
    pending.current = [];
    view.dispatch({ changes: diff(doc, value), annotations: external.of(true) });
  }, [value]);

  const fixable = onApplyFix !== undefined;
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    // A host that rebuilds an equal list on every render should not redraw the diagnostics.
    const shown = shownFindings.current;
    if (shown?.fixable === fixable && sameItems(shown.findings, findings)) return;
    shownFindings.current = { findings, fixable };
    view.dispatch({ effects: setFindings.of({ findings, fixable }) });
  }, [findings, fixable]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        compartments.current.readOnly.reconfigure(readOnlyExtensions(readOnly)),
        compartments.current.label.reconfigure(
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
        ),
      ],
    });
  }, [readOnly, ariaLabel]);

  useImperativeHandle(
    ref,
    () => ({
      revealPath(path: string) {
        const view = viewRef.current;
        if (!view) return;
        const range = rangeOfPath(view.state.doc.toString(), path);
        if (range) {
          view.dispatch({
            selection: EditorSelection.single(range.from, range.to),
            effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
          });
        }
        view.focus();
      },
      focus() {
        viewRef.current?.focus();
      },
    }),
    [],
  );

  return (
    <div
      data-testid="json-editor"
      className="relative h-full min-h-96 overflow-hidden rounded-md border border-slate-300 bg-white focus-within:ring-2 focus-within:ring-sky-500 dark:border-slate-600 dark:bg-slate-900"
    >
      <div ref={hostRef} className="absolute inset-0" />
    </div>
  );
}

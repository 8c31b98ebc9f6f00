import {
  acceptCompletion,
  completionStatus,
  currentCompletions,
  startCompletion,
} from '@codemirror/autocomplete';
import { forEachDiagnostic, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import type { LintFinding } from '@deckhand/shared/taskdef';
import { render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonEditor, type JsonEditorHandle, type JsonEditorProps } from './json-editor';

const DOC = '{\n  "family": "web",\n  "cpu": "3",\n  "runtimePlatform": {}\n}';

function setup(props: Partial<JsonEditorProps> = {}) {
  const ref = createRef<JsonEditorHandle>();
  const onChange = vi.fn<(text: string) => void>();
  const all: JsonEditorProps = { value: DOC, onChange, findings: [], ref, ...props };
  const result = render(<JsonEditor {...all} />);
  const content = screen.getByRole('textbox');
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor view');
  const rerender = (next: Partial<JsonEditorProps>) =>
    result.rerender(<JsonEditor {...all} {...next} />);
  return { ref, onChange, view, content, rerender };
}

const diagnostics = (view: EditorView) => {
  const out: Diagnostic[] = [];
  forEachDiagnostic(view.state, (d) => out.push(d));
  return out;
};

afterEach(() => {
  document.documentElement.classList.remove('dark');
});

describe('JsonEditor', () => {
  it('renders the text in a labelled, testable editor', async () => {
    const { view, content } = setup();
    expect(screen.getByTestId('json-editor').contains(content)).toBe(true);
    expect(content.getAttribute('aria-label')).toBe('Task definition JSON');
    expect(view.state.doc.toString()).toBe(DOC);
    expect(content.textContent).toContain('"family": "web"');
    // Colours follow the parse, which may finish after the first frame on a busy machine.
    await waitFor(() =>
      expect(content.querySelector('.cm-json-key')?.textContent).toBe('"family"'),
    );
  });

  it('takes its label and read-only state from the props', () => {
    const { view, content, rerender } = setup({ ariaLabel: 'Revision 4 JSON', readOnly: true });
    expect(content.getAttribute('aria-label')).toBe('Revision 4 JSON');
    expect(content.getAttribute('aria-readonly')).toBe('true');
    expect(view.state.readOnly).toBe(true);
    rerender({ ariaLabel: 'Draft JSON', readOnly: false });
    expect(content.getAttribute('aria-label')).toBe('Draft JSON');
    expect(view.state.readOnly).toBe(false);
  });

  it('reports every user edit through onChange', () => {
    const { view, onChange } = setup();
    view.dispatch({ changes: { from: 1, insert: '"x": 1,' }, userEvent: 'input.type' });
    expect(onChange).toHaveBeenLastCalledWith(`{"x": 1,${DOC.slice(1)}`);
    view.dispatch({ selection: { anchor: 3 } });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('follows a new value without calling onChange, keeping the cursor where it was', () => {
    const { view, onChange, rerender } = setup();
    view.dispatch({ selection: { anchor: 5 } });
    const next = DOC.replace('"3"', '"256"');
    rerender({ value: next });
    expect(view.state.doc.toString()).toBe(next);
    expect(view.state.selection.main.head).toBe(5);
    expect(onChange).not.toHaveBeenCalled();
    // A shorter document leaves the cursor inside it.
    view.dispatch({ selection: { anchor: next.length } });
    rerender({ value: '{}' });
    expect(view.state.doc.toString()).toBe('{}');
    expect(view.state.selection.main.head).toBeLessThanOrEqual(2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores a value that only echoes an earlier keystroke', () => {
    const { view, onChange, rerender } = setup();
    view.dispatch({ changes: { from: 1, insert: 'a' }, userEvent: 'input.type' });
    const first = onChange.mock.calls[0]?.[0] ?? '';
    view.dispatch({ changes: { from: 2, insert: 'b' }, userEvent: 'input.type' });
    rerender({ value: first });
    expect(view.state.doc.toString()).toBe(`{ab${DOC.slice(1)}`);
  });

  it('reveals a path: selects it and focuses the editor', () => {
    const { view, ref, content } = setup();
    ref.current?.revealPath('cpu');
    const { from, to } = view.state.selection.main;
    expect(view.state.sliceDoc(from, to)).toBe('"3"');
    expect(document.activeElement).toBe(content);
    // A missing member: its parent's name.
    ref.current?.revealPath('runtimePlatform.cpuArchitecture');
    const missing = view.state.selection.main;
    expect(view.state.sliceDoc(missing.from, missing.to)).toBe('"runtimePlatform"');
  });

  it('shows the findings with their fixes', async () => {
    const onApplyFix = vi.fn();
    const finding: LintFinding = {
      ruleId: 'fargate-invalid-size',
      severity: 'error',
      path: 'cpu',
      message: 'CPU 3 is not a Fargate size.',
      fix: { title: 'Use 256', operations: [{ op: 'set', path: 'cpu', value: '256' }] },
    };
    const { view, rerender } = setup({ findings: [finding], onApplyFix });
    await waitFor(() => expect(diagnostics(view)).toHaveLength(1));
    const [shown] = diagnostics(view);
    expect(shown && view.state.sliceDoc(shown.from, shown.to)).toBe('"3"');
    expect(shown?.message).toContain('fargate-invalid-size');
    shown?.actions?.[0]?.apply(view, shown.from, shown.to);
    expect(onApplyFix).toHaveBeenCalledWith(finding);
    rerender({ findings: [] });
    await waitFor(() => expect(diagnostics(view)).toHaveLength(0));
  });

  it('shows syntax errors of the text it is given', async () => {
    const { view } = setup({ value: '{"family": }' });
    await waitFor(() =>
      expect(diagnostics(view).map((d) => d.message)).toEqual(["Expected a value after ':'."]),
    );
  });

  it('follows the app theme', async () => {
    const { view } = setup();
    expect(view.state.facet(EditorView.darkTheme)).toBe(false);
    document.documentElement.classList.add('dark');
    await waitFor(() => expect(view.state.facet(EditorView.darkTheme)).toBe(true));
  });

  it('does not bind Tab, so focus can leave the editor', () => {
    const { view } = setup();
    view.focus();
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    view.contentDOM.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(view.state.doc.toString()).toBe(DOC);
  });
});

describe('JsonEditor completion', () => {
  it('completes member names from the ECS model, required first', async () => {
    const { view } = setup({ value: '{}' });
    view.dispatch({ changes: { from: 1, insert: '""' }, selection: { anchor: 2 } });
    startCompletion(view);
    await waitFor(() => expect(completionStatus(view.state)).toBe('active'));
    const names = currentCompletions(view.state).map((option) => option.label);
    expect(names).toContain('networkMode');
    expect(names.indexOf('family')).toBeLessThan(names.indexOf('networkMode'));
    // CodeMirror ignores an accept in the first moments after the list opens (interactionDelay).
    await waitFor(() => expect(acceptCompletion(view)).toBe(true));
    expect(view.state.doc.toString()).toMatch(/^\{"\w+": (""|\[\])\}$/);
  });
});

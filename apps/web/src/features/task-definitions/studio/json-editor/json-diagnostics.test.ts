import { json } from '@codemirror/lang-json';
import { forEachDiagnostic, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { LintFinding } from '@deckhand/shared/taskdef';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildDiagnostics,
  findingDiagnostics,
  findingsLint,
  setFindings,
  syntaxDiagnostics,
} from './json-diagnostics';
import { parseJson } from './json-paths';

const DOC = '{\n  "family": "web",\n  "runtimePlatform": {},\n  "cpu": "3"\n}';

const finding = (overrides: Partial<LintFinding> = {}): LintFinding => ({
  ruleId: 'fargate-invalid-size',
  severity: 'error',
  path: 'cpu',
  message: 'CPU 3 is not a Fargate size.',
  ...overrides,
});

const marked = (text: string, d: Diagnostic | undefined) => d && text.slice(d.from, d.to);

describe('syntaxDiagnostics', () => {
  const messages = (text: string) => syntaxDiagnostics(text).map((d) => d.message);

  it('finds nothing wrong with valid JSON', () => {
    expect(syntaxDiagnostics(DOC)).toEqual([]);
  });

  it('explains the usual mistakes', () => {
    expect(messages('{"a": }')).toEqual(["Expected a value after ':'."]);
    expect(messages('{"a" 1}')[0]).toBe("Expected ':' after the member name.");
    expect(messages('{"a": 1,}')).toEqual([
      'Trailing comma: JSON allows none before the closing bracket.',
    ]);
    expect(messages('{"a": 1 "b": 2}')).toEqual(["Expected ',' between members."]);
    expect(messages('{"a": "x\\q"}')[0]).toMatch(/^Invalid escape/);
    expect(messages('{"a": tru}')[0]).toMatch(/^Unexpected "tru"/);
    expect(messages('{ family: 1 }')[0]).toBe(
      'Member names are double-quoted strings: write "family".',
    );
    expect(messages('{"a": [1, 2')).toContain(
      'The document ends too early: close every string, object and array.',
    );
    expect(messages('')).toEqual(['The document is empty: expected a JSON object.']);
  });

  it('marks where the error is', () => {
    const text = '{"a": 1, "b": flase}';
    expect(marked(text, syntaxDiagnostics(text)[0])).toBe('flase');
  });

  it('falls back to JSON.parse when the tree sees nothing wrong', () => {
    // The Lezer grammar is as strict as JSON.parse; a clean tree for a broken text stands in for
    // whatever difference remains.
    const text = '{"a": 1,}';
    const diagnostics = syntaxDiagnostics(text, parseJson('{"a": 1 }'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^Invalid JSON: /);
    expect(diagnostics[0]?.from).toBe(8);
  });
});

describe('findingDiagnostics', () => {
  it('marks each finding at its path with its severity and rule id', () => {
    const [cpu, missing] = findingDiagnostics(DOC, [
      finding(),
      finding({
        ruleId: 'arch',
        severity: 'info',
        path: 'runtimePlatform.cpuArchitecture',
        message: 'Say which.',
      }),
    ]);
    expect(marked(DOC, cpu)).toBe('"3"');
    expect(cpu).toMatchObject({
      severity: 'error',
      message: 'CPU 3 is not a Fargate size. (fargate-invalid-size)',
    });
    expect(marked(DOC, missing)).toBe('"runtimePlatform"');
    expect(missing?.severity).toBe('info');
  });

  it('offers a fix as an action that hands the finding back', () => {
    const withFix = finding({
      fix: { title: 'Use 256', operations: [{ op: 'set', path: 'cpu', value: '256' }] },
    });
    const onApplyFix = vi.fn();
    const [diagnostic] = findingDiagnostics(DOC, [withFix], onApplyFix);
    expect(diagnostic?.actions?.map((a) => a.name)).toEqual(['Fix: Use 256']);
    diagnostic?.actions?.[0]?.apply(undefined as never, 0, 0);
    expect(onApplyFix).toHaveBeenCalledWith(withFix);
    // No handler, no action.
    expect(findingDiagnostics(DOC, [withFix])[0]?.actions).toBeUndefined();
  });

  it('renders the message with the rule and a safe docs link', () => {
    const [diagnostic] = findingDiagnostics(DOC, [
      finding({ docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/x.html' }),
    ]);
    const node = diagnostic?.renderMessage?.(undefined as never) as HTMLElement;
    expect(node.textContent).toBe('CPU 3 is not a Fargate size. fargate-invalid-size AWS docs');
    const link = node.querySelector('a');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    const [unsafe] = findingDiagnostics(DOC, [finding({ docUrl: 'javascript:alert(1)' })]);
    expect(
      (unsafe?.renderMessage?.(undefined as never) as HTMLElement).querySelector('a'),
    ).toBeNull();
  });

  it('puts findings it cannot place at the start', () => {
    expect(findingDiagnostics('', [finding()])[0]).toMatchObject({ from: 0, to: 0 });
  });
});

describe('buildDiagnostics', () => {
  it('joins syntax errors and findings in document order', () => {
    const text = '{"cpu": "3", "a": }';
    let state = EditorState.create({
      doc: text,
      extensions: [json(), findingsLint({ onApplyFix: vi.fn() })],
    });
    state = state.update({
      effects: setFindings.of({ findings: [finding()], fixable: false }),
    }).state;
    expect(buildDiagnostics(state, vi.fn()).map((d) => d.severity + ':' + marked(text, d))).toEqual(
      ['error:"3"', 'error:'],
    );
  });
});

describe('findingsLint', () => {
  let view: EditorView | undefined;
  afterEach(() => view?.destroy());

  const shown = (state: EditorState) => {
    const out: string[] = [];
    forEachDiagnostic(state, (d) => out.push(d.message));
    return out;
  };

  it('shows new findings at once and syntax errors after an edit', async () => {
    view = new EditorView({
      parent: document.body,
      state: EditorState.create({
        doc: DOC,
        extensions: [json(), findingsLint({ onApplyFix: vi.fn(), delay: 10 })],
      }),
    });
    view.dispatch({ effects: setFindings.of({ findings: [finding()], fixable: true }) });
    await waitFor(() =>
      expect(shown(view?.state as EditorState)).toEqual([
        'CPU 3 is not a Fargate size. (fargate-invalid-size)',
      ]),
    );
    view.dispatch({ changes: { from: 1, insert: '"x": ,' } });
    await waitFor(() =>
      expect(shown(view?.state as EditorState)).toContain("Expected a value after ':'."),
    );
  });
});

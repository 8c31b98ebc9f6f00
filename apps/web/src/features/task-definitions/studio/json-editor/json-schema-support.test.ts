import {
  CompletionContext,
  type Completion,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ecsSchema,
  emptyValueFor,
  fieldHoverAt,
  jsonSchemaCompletion,
  renderFieldDoc,
  typeLabel,
} from './json-schema-support';
import { cursor, fakeSchema } from './testing';

const stateOf = (doc: string, pos: number) =>
  EditorState.create({ doc, selection: { anchor: pos }, extensions: [json()] });

async function complete(marked: string, explicit = false) {
  const [doc, pos] = cursor(marked);
  const state = stateOf(doc, pos);
  const result = await jsonSchemaCompletion(fakeSchema)(
    new CompletionContext(state, pos, explicit),
  );
  return { state, pos, result };
}

const labels = (result: CompletionResult | null) => result?.options.map((o) => o.label) ?? [];

let view: EditorView | undefined;
afterEach(() => {
  view?.destroy();
  view = undefined;
});

/** Applies an option as CodeMirror would, and gives the text with `|` at the cursor. */
function apply(state: EditorState, result: CompletionResult, option: Completion, pos: number) {
  view = new EditorView({ state, parent: document.body });
  if (typeof option.apply !== 'function') throw new Error('expected an apply function');
  option.apply(view, option, result.from, pos);
  const text = view.state.doc.toString();
  const { from, to } = view.state.selection.main;
  return from === to
    ? `${text.slice(0, from)}|${text.slice(from)}`
    : `${text.slice(0, from)}[${text.slice(from, to)}]${text.slice(to)}`;
}

describe('member name completion', () => {
  it('offers the members not already present, required first, with type and doc', async () => {
    const { result } = await complete('{"family": "web", "|"}');
    expect(result?.from).toBe(19);
    const options = result?.options ?? [];
    expect(options.map((o) => o.label)).not.toContain('family');
    expect(options.map((o) => o.label)).toContain('networkMode');
    const definitions = options.find((o) => o.label === 'containerDefinitions');
    expect(definitions).toMatchObject({
      detail: 'array<object>',
      info: 'Required. The containerDefinitions.',
    });
    const best = [...options].sort((a, b) => (b.boost ?? 0) - (a.boost ?? 0))[0];
    expect(best?.label).toBe('containerDefinitions');
  });

  it('completes nested objects, through array elements', async () => {
    expect(
      labels((await complete('{"containerDefinitions": [{"name": "a", "|"}]}')).result),
    ).toEqual(['essential', 'memory', 'dockerLabels']);
    expect(labels((await complete('{"runtimePlatform": {"cpu|"}}')).result)).toEqual([
      'cpuArchitecture',
    ]);
  });

  it('completes between members only when asked', async () => {
    expect((await complete('{"family": "web",\n  |\n}')).result).toBeNull();
    expect(labels((await complete('{"family": "web",\n  |\n}', true)).result)).toContain('cpu');
  });

  it('offers nothing after a closed name or where the model knows no object', async () => {
    expect((await complete('{"family"|: "x"}')).result).toBeNull();
    expect(
      (await complete('{"containerDefinitions": [{"dockerLabels": {"|"}}]}')).result,
    ).toBeNull();
  });

  it('inserts the name with an empty value and puts the cursor in it', async () => {
    const cases: [string, string, string][] = [
      ['{"|"}', 'family', '{"family": "|"}'],
      ['{"|"}', 'containerDefinitions', '{"containerDefinitions": [|]}'],
      [
        '{"containerDefinitions": [{"|"}]}',
        'memory',
        '{"containerDefinitions": [{"memory": [0]}]}',
      ],
      [
        '{"containerDefinitions": [{"ess|}]}',
        'essential',
        '{"containerDefinitions": [{"essential": [false]}]}',
      ],
      ['{"cpu": "1",\n  |\n}', 'family', '{"cpu": "1",\n  "family": "|"\n}'],
    ];
    for (const [marked, label, expected] of cases) {
      const { state, pos, result } = await complete(marked, true);
      const option = result?.options.find((o) => o.label === label);
      if (!result || !option) throw new Error(`no ${label} for ${marked}`);
      expect(apply(state, result, option, pos)).toBe(expected);
      view?.destroy();
    }
  });

  it('adds the commas a member needs between others', async () => {
    const { state, pos, result } = await complete('{"cpu": "1" | "family": "x"}', true);
    const option = result?.options.find((o) => o.label === 'networkMode');
    if (!result || !option) throw new Error('no networkMode');
    expect(apply(state, result, option, pos)).toBe(
      '{"cpu": "1" , "networkMode": "|", "family": "x"}',
    );
  });

  it('replaces only the name when the member already has a value', async () => {
    const { state, pos, result } = await complete('{"netw|": "host"}');
    const option = result?.options.find((o) => o.label === 'networkMode');
    if (!result || !option) throw new Error('no networkMode');
    expect(apply(state, result, option, pos)).toBe('{"networkMode"|: "host"}');
  });
});

describe('value completion', () => {
  it('offers enum values and replaces the whole string', async () => {
    const { state, pos, result } = await complete('{"networkMode": "aw|x"}');
    expect(labels(result)).toEqual(['bridge', 'host', 'awsvpc', 'none']);
    const option = result?.options.find((o) => o.label === 'awsvpc');
    if (!result || !option) throw new Error('no awsvpc');
    expect(apply(state, result, option, pos)).toBe('{"networkMode": "awsvpc"|}');
  });

  it('offers an array field’s element values, in and between elements', async () => {
    expect(labels((await complete('{"requiresCompatibilities": ["F|"]}')).result)).toEqual([
      'EC2',
      'FARGATE',
      'EXTERNAL',
    ]);
    const { state, pos, result } = await complete('{"requiresCompatibilities": [|]}', true);
    const option = result?.options.find((o) => o.label === 'FARGATE');
    if (!result || !option) throw new Error('no FARGATE');
    expect(apply(state, result, option, pos)).toBe('{"requiresCompatibilities": ["FARGATE"|]}');
  });

  it('offers true and false for booleans, unquoted', async () => {
    const { state, pos, result } = await complete('{"containerDefinitions": [{"essential": t|}]}');
    expect(labels(result)).toEqual(['true', 'false']);
    const option = result?.options[0];
    if (!result || !option) throw new Error('no true');
    expect(apply(state, result, option, pos)).toBe(
      '{"containerDefinitions": [{"essential": true|}]}',
    );
  });

  it('offers nothing for free values, or where an array goes', async () => {
    expect((await complete('{"family": "w|"}')).result).toBeNull();
    expect((await complete('{"requiresCompatibilities": |}', true)).result).toBeNull();
  });
});

describe('hover', () => {
  it('finds the field of the property name under the pointer', () => {
    const doc = '{"runtimePlatform": {"cpuArchitecture": "ARM64"}}';
    const state = stateOf(doc, 0);
    const hover = fieldHoverAt(state, doc.indexOf('cpuArch'), 1, fakeSchema);
    expect(hover?.field.name).toBe('cpuArchitecture');
    expect(doc.slice(hover?.from, hover?.to)).toBe('"cpuArchitecture"');
    expect(fieldHoverAt(state, doc.indexOf('ARM'), 1, fakeSchema)).toBeUndefined();
    expect(fieldHoverAt(state, 0, 1, fakeSchema)).toBeUndefined();
  });

  it('shows name: type, required or optional, the doc and the values', () => {
    const node = renderFieldDoc({
      name: 'networkMode',
      type: 'string',
      doc: 'How containers talk.',
      required: false,
      enum: ['bridge', 'awsvpc'],
    });
    expect(node.textContent).toBe(
      'networkMode: string optionalHow containers talk.One of: bridge, awsvpc',
    );
    const required = renderFieldDoc({ name: 'family', type: 'string', doc: '', required: true });
    expect(required.textContent).toBe('family: string required');
  });
});

describe('helpers', () => {
  it('labels types and picks empty values', () => {
    expect(typeLabel({ name: 'a', type: 'array', items: 'string', doc: '', required: false })).toBe(
      'array<string>',
    );
    const empties = (
      ['string', 'timestamp', 'integer', 'number', 'boolean', 'object', 'map', 'array'] as const
    ).map((type) => emptyValueFor({ name: 'a', type, doc: '', required: false }));
    expect(empties).toEqual(['""', '""', '0', '0', 'false', '{}', '{}', '[]']);
  });

  it('reads the real ECS model by default', () => {
    const root = ecsSchema.membersAt([]) ?? [];
    expect(root.find((field) => field.name === 'family')?.required).toBe(true);
    expect(ecsSchema.fieldAt(['requiresCompatibilities', 0])?.enum).toContain('FARGATE');
  });
});

import {
  autocompletion,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { ensureSyntaxTree } from '@codemirror/language';
import type { EditorState, Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import { fieldAt, membersAt, type FieldInfo, type PathSegment } from '@deckhand/shared/taskdef';
import { parseJson, pathAt, type PathAt, type TextRange } from './json-paths';

/**
 * Completion and hover docs from the ECS model (schema-info): member names with their types and
 * docs, enum values, booleans. The lookups are injectable so tests can use a small model.
 */

export interface SchemaLookup {
  membersAt: (segments: readonly PathSegment[]) => readonly FieldInfo[] | undefined;
  fieldAt: (segments: readonly PathSegment[]) => FieldInfo | undefined;
}

export const ecsSchema: SchemaLookup = { membersAt, fieldAt };

/** `string`, `integer`, `array<string>`… */
export function typeLabel(field: FieldInfo): string {
  return field.type === 'array' && field.items ? `array<${field.items}>` : field.type;
}

/** What a new member of this type starts as. */
export function emptyValueFor(field: FieldInfo): string {
  switch (field.type) {
    case 'integer':
    case 'number':
      return '0';
    case 'boolean':
      return 'false';
    case 'object':
    case 'map':
      return '{}';
    case 'array':
      return '[]';
    default:
      return '""';
  }
}

/** The tree for the state, parsed to the end (JSON documents are small); parses afresh if slow. */
function treeOf(state: EditorState) {
  return ensureSyntaxTree(state, state.doc.length, 50) ?? parseJson(state.doc.toString());
}

interface ScalarField {
  type: FieldInfo['type'] | undefined;
  enum?: readonly string[] | undefined;
}

/** What a scalar at `segments` may hold; an array element's from its array's element type. */
function scalarAt(schema: SchemaLookup, segments: readonly PathSegment[]): ScalarField | undefined {
  const field = schema.fieldAt(segments);
  if (field) return field.type === 'array' ? undefined : field;
  if (typeof segments[segments.length - 1] !== 'number') return undefined;
  return elementsOf(schema.fieldAt(segments.slice(0, -1)));
}

/** The element type of an array field. */
function elementsOf(field: FieldInfo | undefined): ScalarField | undefined {
  return field?.type === 'array' ? { type: field.items, enum: field.enum } : undefined;
}

/** Extends a completion's range over the rest of the word and its quotes, as typed so far. */
function wordAround(state: EditorState, from: number, to: number): TextRange {
  const doc = state.doc;
  let start = from;
  let end = to;
  const quoted = doc.sliceString(start - 1, start) === '"';
  if (quoted) start -= 1;
  while (end < doc.length && /[\w$.\-/:]/.test(doc.sliceString(end, end + 1))) end += 1;
  if (quoted && doc.sliceString(end, end + 1) === '"') end += 1;
  return { from: start, to: end };
}

/** The next and previous non-blank characters around a range. */
function neighbours(state: EditorState, range: TextRange) {
  const before = state.doc.sliceString(Math.max(0, range.from - 200), range.from).trimEnd();
  const after = state.doc.sliceString(range.to, range.to + 200).trimStart();
  return { before: before[before.length - 1] ?? '', after: after[0] ?? '' };
}

function memberCompletion(
  field: FieldInfo,
  at: PathAt,
  schema: SchemaLookup,
  objectPath: readonly PathSegment[],
): Completion {
  return {
    label: field.name,
    detail: typeLabel(field),
    info: `${field.required ? 'Required. ' : ''}${field.doc}`,
    type: 'property',
    boost: field.required ? 10 : 0,
    apply: (view, _completion, from, to) => {
      const range = wordAround(view.state, from, to);
      const name = JSON.stringify(field.name);
      if (at.memberHasColon) {
        view.dispatch({
          changes: { ...range, insert: name },
          selection: { anchor: range.from + name.length },
          userEvent: 'input.complete',
        });
        return;
      }
      const { before, after } = neighbours(view.state, range);
      const lead = before === '' || '{,'.includes(before) ? '' : ', ';
      const trail = after === '"' ? ',' : '';
      const value = emptyValueFor(field);
      const insert = `${lead}${name}: ${value}${trail}`;
      const valueFrom = range.from + lead.length + name.length + 2;
      // Inside "" / {} / []; a number or boolean is selected so typing replaces it.
      const selection =
        value.length === 2
          ? { anchor: valueFrom + 1 }
          : { anchor: valueFrom, head: valueFrom + value.length };
      view.dispatch({ changes: { ...range, insert }, selection, userEvent: 'input.complete' });
      const added = schema.fieldAt([...objectPath, field.name]);
      if (added?.enum || added?.type === 'boolean') startCompletion(view);
    },
  };
}

function valueCompletions(field: ScalarField | undefined): Completion[] {
  if (!field) return [];
  if (field.enum && field.type === 'string') {
    return field.enum.map((value) => ({
      label: value,
      type: 'enum',
      apply: (view, _completion, from, to) => {
        const range = wordAround(view.state, from, to);
        const insert = JSON.stringify(value);
        view.dispatch({
          changes: { ...range, insert },
          selection: { anchor: range.from + insert.length },
          userEvent: 'input.complete',
        });
      },
    }));
  }
  if (field.type === 'boolean') {
    return ['true', 'false'].map((label) => ({
      label,
      type: 'keyword',
      apply: (view, _completion, from, to) => {
        const range = wordAround(view.state, from, to);
        view.dispatch({
          changes: { ...range, insert: label },
          selection: { anchor: range.from + label.length },
          userEvent: 'input.complete',
        });
      },
    }));
  }
  return [];
}

/** Where the typed prefix starts: after a token's opening quote, else at the token. */
function prefixStart(at: PathAt, pos: number): number {
  if (!at.token) return pos;
  return at.token.text.startsWith('"') ? at.token.from + 1 : at.token.from;
}

/** Whether the cursor is past a token's closing quote (`"name"|`), where nothing completes. */
function pastClosingQuote(at: PathAt, pos: number): boolean {
  const text = at.token?.text ?? '';
  return pos === at.token?.to && text.length >= 2 && text.startsWith('"') && text.endsWith('"');
}

/** The completion source: member names inside objects, enum values and booleans inside values. */
export function jsonSchemaCompletion(schema: SchemaLookup = ecsSchema): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos, explicit } = context;
    const at = pathAt(state.doc.toString(), pos, -1, treeOf(state));
    if (pastClosingQuote(at, pos)) return null;
    // Blank space completes only when asked (Ctrl-Space); a quote or a letter starts it.
    if (!explicit && !at.token) return null;
    let options: Completion[] = [];
    if (at.context === 'key' || at.context === 'object') {
      const objectPath = at.context === 'key' ? at.segments.slice(0, -1) : at.segments;
      const present = new Set(at.existingKeys);
      options = (schema.membersAt(objectPath) ?? [])
        .filter((field) => !present.has(field.name))
        .map((field) => memberCompletion(field, at, schema, objectPath));
    } else if (at.context === 'value') {
      options = valueCompletions(scalarAt(schema, at.segments));
    } else if (at.context === 'array') {
      options = valueCompletions(elementsOf(schema.fieldAt(at.segments)));
    }
    if (options.length === 0) return null;
    return { from: prefixStart(at, pos), options, validFor: /^[\w$.\-/:]*$/ };
  };
}

export interface FieldHover {
  from: number;
  to: number;
  field: FieldInfo;
}

/** The field whose property name is at `pos`, for the hover tooltip. */
export function fieldHoverAt(
  state: EditorState,
  pos: number,
  side: -1 | 1,
  schema: SchemaLookup = ecsSchema,
): FieldHover | undefined {
  const at = pathAt(state.doc.toString(), pos, side, treeOf(state));
  if (!at.inKey || !at.token) return undefined;
  const field = schema.fieldAt(at.segments);
  return field && { from: at.token.from, to: at.token.to, field };
}

function element(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/** The tooltip's content: `name: type`, required or optional, the doc, the enum values. */
export function renderFieldDoc(field: FieldInfo): HTMLElement {
  const root = element('div', 'cm-field-doc', '');
  const title = element('div', 'cm-field-doc-title', `${field.name}: ${typeLabel(field)}`);
  title.append(
    ' ',
    element('span', 'cm-field-doc-badge', field.required ? 'required' : 'optional'),
  );
  root.append(title);
  if (field.doc) root.append(element('p', 'cm-field-doc-text', field.doc));
  if (field.enum?.length) {
    root.append(element('p', 'cm-field-doc-enum', `One of: ${field.enum.join(', ')}`));
  }
  return root;
}

/** Docs on hovering a property name. */
export function jsonSchemaHover(schema: SchemaLookup = ecsSchema): Extension {
  return hoverTooltip((view, pos, side): Tooltip | null => {
    const hover = fieldHoverAt(view.state, pos, side, schema);
    if (!hover) return null;
    return {
      pos: hover.from,
      end: hover.to,
      above: true,
      create: () => ({ dom: renderFieldDoc(hover.field) }),
    };
  });
}

/** Completion and hover from the model, as one extension. */
export function jsonSchemaSupport(schema: SchemaLookup = ecsSchema): Extension {
  return [
    autocompletion({ override: [jsonSchemaCompletion(schema)], icons: true }),
    jsonSchemaHover(schema),
    EditorView.baseTheme({
      '.cm-field-doc': { maxWidth: '28rem', padding: '0.375rem 0.5rem', lineHeight: '1.4' },
      '.cm-field-doc-title': { fontFamily: 'inherit', fontWeight: '600' },
      '.cm-field-doc-badge': { fontWeight: '400', fontSize: '0.75em', opacity: '0.75' },
      '.cm-field-doc-text, .cm-field-doc-enum': {
        margin: '0.25rem 0 0',
        fontFamily: 'system-ui, sans-serif',
      },
    }),
  ];
}

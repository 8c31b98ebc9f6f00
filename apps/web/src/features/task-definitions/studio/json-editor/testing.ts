import type { FieldInfo, PathSegment } from '@deckhand/shared/taskdef';
import type { SchemaLookup } from './json-schema-support';

/** A small stand-in for the ECS model, so the tests say what they rely on. */
const field = (name: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}) => ({
  name,
  type,
  doc: `The ${name}.`,
  required: false,
  ...extra,
});

const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL'] as const;

const MEMBERS: Record<string, FieldInfo[]> = {
  '': [
    field('family', 'string', { required: true }),
    field('networkMode', 'string', { enum: ['bridge', 'host', 'awsvpc', 'none'] }),
    field('requiresCompatibilities', 'array', { items: 'string', enum: COMPATIBILITIES }),
    field('cpu', 'string'),
    field('containerDefinitions', 'array', { items: 'object', required: true }),
    field('runtimePlatform', 'object'),
    field('tags', 'array', { items: 'object' }),
  ],
  containerDefinitions: [
    field('name', 'string', { required: true }),
    field('essential', 'boolean'),
    field('memory', 'integer'),
    field('dockerLabels', 'map'),
  ],
  runtimePlatform: [field('cpuArchitecture', 'string', { enum: ['X86_64', 'ARM64'] })],
};

const key = (segments: readonly PathSegment[]) =>
  segments.filter((segment) => typeof segment === 'string').join('.');

export const fakeSchema: SchemaLookup = {
  membersAt: (segments) => MEMBERS[key(segments)],
  fieldAt: (segments) => {
    const last = segments[segments.length - 1];
    if (last === undefined) return undefined;
    const parent = segments.slice(0, -1);
    if (typeof last === 'number') {
      // An element, described under its array's name, as schema-info does.
      const list = fakeSchema.fieldAt(parent);
      if (list?.type !== 'array' || !list.items) return undefined;
      return { ...list, type: list.items, items: undefined, required: false };
    }
    return MEMBERS[key(parent)]?.find((member) => member.name === last);
  },
};

/** The text with `|` removed, and where it was. */
export function cursor(marked: string): [string, number] {
  const pos = marked.indexOf('|');
  return [marked.slice(0, pos) + marked.slice(pos + 1), pos];
}

import { z } from 'zod';

/**
 * The studio's shared vocabulary: where in a task definition something is (a JSON path), what
 * the lint found there, and how to fix it. Everything in `taskdef/` works on plain JSON values
 * (what a user pasted may be anything), never throws on bad input, and returns new values rather
 * than changing its arguments.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One step of a path: a member name or an array index. */
export type PathSegment = string | number;

/**
 * A path as text, as findings carry it: `family`, `containerDefinitions[0].portMappings[1].hostPort`,
 * `containerDefinitions[2].environment[0]`. Member names that are not identifiers are quoted:
 * `dockerLabels["com.example.team"]`. The empty string is the document itself.
 */
export type JsonPath = string;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * A change to a document, applied by `applyFix`: `set` writes a value at a path (creating the
 * objects and arrays on the way), `remove` deletes a member or array element, `append` pushes a
 * value onto the array at a path (creating it when missing).
 */
export const FixOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: z.string(), value: z.json() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
  z.object({ op: z.literal('append'), path: z.string(), value: z.json() }),
]);
export type FixOperation = z.infer<typeof FixOperation>;

/** A fix the user can apply with one click: a title saying what it does, and the operations. */
export const Fix = z.object({
  title: z.string(),
  operations: z.array(FixOperation).min(1),
});
export type Fix = z.infer<typeof Fix>;

/** One lint finding, as `POST /task-definitions/validate` answers it. */
export const LintFinding = z.object({
  /** Stable id, kebab-case, e.g. `fargate-invalid-size`; never renamed once shipped. */
  ruleId: z.string(),
  severity: Severity,
  /** Where the problem is; the most specific member that explains it. */
  path: z.string(),
  /** A plain sentence naming what is wrong and, where useful, what to do. */
  message: z.string(),
  /** The AWS documentation page that states the rule. */
  docUrl: z.url().optional(),
  fix: Fix.optional(),
});
export type LintFinding = z.infer<typeof LintFinding>;

/** Something the importer or a converter did or noticed, for the user to read. */
export const ConversionNote = z.object({
  kind: z.enum([
    /** A read-only member of describe output was dropped (it cannot be registered). */
    'read-only-removed',
    /** A `null` was removed. */
    'null-removed',
    /** A member the ECS model does not know; kept as it was. */
    'unknown-field',
    /** A placeholder such as `{{image}}`, `${TAG}` or `<account-id>`; fill it in before registering. */
    'placeholder',
    /** The shape the input was recognised as, or a wrapper that was unwrapped. */
    'shape',
    /** Something was changed to carry it over (a conversion). */
    'changed',
    /** Something could not be carried over and was dropped (a conversion). */
    'dropped',
    /** Anything else worth knowing. */
    'info',
  ]),
  path: z.string(),
  message: z.string(),
});
export type ConversionNote = z.infer<typeof ConversionNote>;

/**
 * Placeholders real task-definition files carry for a pipeline to fill in: `{{image}}`,
 * `${IMAGE_TAG}`, `<account-id>`, `#{Version}`. REFERENCE.md §5: warn once per value and do not
 * cascade errors from them (an `image` of `<image>` is not a missing image).
 */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\$\{[^{}]*\}|<[A-Za-z0-9_.:-]+>|#\{[^{}]*\}/;

/** Whether a value holds a placeholder anywhere in it. */
export function hasPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** The first placeholder in a value, e.g. `{{image}}`, or `undefined`. */
export function placeholderIn(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return PLACEHOLDER.exec(value)?.[0];
}

import type { JsonObject, JsonValue, LintFinding } from '@deckhand/shared/taskdef';
import { createContext, useContext, type ReactNode } from 'react';
import type { EditOptions, Segments } from './lib/json-edit';

/**
 * What every field needs from the form, with a stable identity (it reads the latest document and
 * callbacks through refs) so memoized container cards do not re-render when another part changes.
 */
export interface FormApi {
  /** Writes a value at a path, or removes the member when `value` is `undefined`. */
  set(segments: Segments, value: JsonValue | undefined, options?: EditOptions): void;
  /** Any other edit of the latest document. */
  update(edit: (document: JsonObject) => JsonObject): void;
  getDocument(): JsonObject;
  /** The region the studio works in, for awslogs defaults. */
  getRegion(): string | undefined;
  /** Focuses the field at a path after the next render (a row just added). */
  requestFocus(path: string): void;
  /** The element id of the input at a path. */
  idFor(path: string, part?: string): string;
  /** The page's image chooser (nothing when it gave none). */
  renderImagePicker(props: ImagePickerRenderProps): ReactNode;
}

/** What the image chooser the page renders gets from an image field. */
export interface ImagePickerRenderProps {
  value: string;
  // Function-typed members (not methods), so a render prop may destructure them lint-clean.
  onChoose: (image: string) => void;
  onClose: () => void;
}

const FormApiContext = createContext<FormApi | null>(null);
export const FormApiProvider = FormApiContext.Provider;

export function useFormApi(): FormApi {
  const api = useContext(FormApiContext);
  if (!api) throw new Error('A task-definition field is rendered outside TaskDefinitionForm.');
  return api;
}

export interface FindingsScope {
  byAnchor: ReadonlyMap<string, readonly LintFinding[]>;
  applyFix: ((finding: LintFinding) => void) | undefined;
}

const EMPTY: readonly LintFinding[] = [];
const FindingsContext = createContext<FindingsScope>({ byAnchor: new Map(), applyFix: undefined });
export const FindingsProvider = FindingsContext.Provider;

/** The findings shown at a node (see `resolveAnchor`). */
export function useFindingsAt(anchor: string): readonly LintFinding[] {
  return useContext(FindingsContext).byAnchor.get(anchor) ?? EMPTY;
}

export function useApplyFix() {
  return useContext(FindingsContext).applyFix;
}

/** The latest focus request; each new one has a new nonce. */
export interface FocusRequest {
  path: string;
  nonce: number;
}

const FocusContext = createContext<FocusRequest | undefined>(undefined);
export const FocusProvider = FocusContext.Provider;

export function useFocusRequest() {
  return useContext(FocusContext);
}

import {
  dockerrunTextToTaskDefinition,
  importTaskDefinitionText,
  type ConversionNote,
  type JsonObject,
} from '@deckhand/shared/taskdef';

export type ImportKind = 'dockerrun' | 'task-definition';

export type ImportAnalysis =
  | { kind: ImportKind; ok: true; taskDefinition: JsonObject; notes: ConversionNote[] }
  | { kind: ImportKind; ok: false; error: string; notes: ConversionNote[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `AWSEBDockerrunVersion` and its near misses (`AwsEbDockerRunVersion`, `DockerrunVersion`). */
const VERSION_KEY = /dockerrun/i;

/**
 * Whether a parsed value is (meant to be) an Elastic Beanstalk Dockerrun.aws.json: it has the
 * version member (any spelling, any version, so the converter can refuse v1/v3 in its own words),
 * or the S3 `authentication` block only Dockerrun files have.
 */
export function looksLikeDockerrun(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (Object.keys(value).some((key) => VERSION_KEY.test(key))) return true;
  const auth = value.authentication;
  return isRecord(auth) && 'bucket' in auth && !('family' in value);
}

/** Which importer a text goes to; a text that does not parse goes by the words in it. */
export function detectImportKind(text: string): ImportKind {
  try {
    return looksLikeDockerrun(JSON.parse(text)) ? 'dockerrun' : 'task-definition';
  } catch {
    return /"AWSEBDockerrunVersion"/i.test(text) ? 'dockerrun' : 'task-definition';
  }
}

/**
 * A pasted or dropped text as a task definition to register: a Dockerrun v2 file is converted,
 * anything else goes through the task-definition importer (describe output, register input, a
 * containerDefinitions array). `family` names the result when the input has none.
 */
export function analyseImport(text: string, options: { family?: string } = {}): ImportAnalysis {
  const kind = detectImportKind(text);
  const opts = options.family ? { family: options.family } : {};
  const result =
    kind === 'dockerrun'
      ? dockerrunTextToTaskDefinition(text, opts)
      : importTaskDefinitionText(text, opts);
  return result.ok
    ? { kind, ok: true, taskDefinition: result.taskDefinition, notes: result.notes }
    : { kind, ok: false, error: result.error, notes: result.notes };
}

/** The importer notes worth keeping in the lint panel while editing: what still needs a look. */
export function notesForPanel(notes: readonly ConversionNote[]): ConversionNote[] {
  return notes.filter((note) => note.kind === 'unknown-field' || note.kind === 'placeholder');
}

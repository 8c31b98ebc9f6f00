import {
  DOCS,
  fix,
  list,
  member,
  NETWORK_MODES,
  num,
  objects,
  obj,
  show,
  str,
  type LintRule,
  isPlaceholder,
} from './model.js';

/** Task-level members: the document itself, family, containers list, network mode, size, tags. */

const FAMILY = /^[A-Za-z0-9_-]+$/;
const MAX_CONTAINERS = 10;
const MAX_TAGS = 50;
const EPHEMERAL_STORAGE = { min: 21, max: 200 } as const;

export const taskRules: LintRule[] = [
  {
    id: 'not-an-object',
    severity: 'error',
    title: 'Not a task definition object',
    docUrl: DOCS.apiTypes,
    *check({ raw, isObject }) {
      if (isObject) return;
      const what = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw;
      yield {
        path: '',
        message: `A task definition is a JSON object with "family" and "containerDefinitions", not ${what}.`,
      };
    },
  },
  {
    id: 'family-invalid',
    severity: 'error',
    title: 'Family name missing or invalid',
    docUrl: DOCS.family,
    *check({ doc }) {
      const family = member(doc, 'family');
      if (family === undefined || family === null || family === '') {
        yield { path: 'family', message: 'family is required: name the task definition family.' };
        return;
      }
      if (typeof family !== 'string' || isPlaceholder(family)) return;
      if (family.length <= 255 && FAMILY.test(family)) return;
      const cleaned = family
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 255);
      yield {
        path: 'family',
        message: `family ${show(family)} must be 1–255 letters, digits, hyphens or underscores.`,
        ...(cleaned === ''
          ? {}
          : {
              fix: fix(`Rename to "${cleaned}"`, [{ op: 'set', path: 'family', value: cleaned }]),
            }),
      };
    },
  },
  {
    id: 'container-count',
    severity: 'error',
    title: 'Between 1 and 10 containers',
    docUrl: DOCS.containers,
    *check({ doc }) {
      const definitions = member(doc, 'containerDefinitions');
      if (definitions === undefined || definitions === null) {
        yield {
          path: 'containerDefinitions',
          message:
            'containerDefinitions is required: a task definition needs at least one container.',
        };
      } else if (Array.isArray(definitions) && definitions.length === 0) {
        yield {
          path: 'containerDefinitions',
          message: 'containerDefinitions is empty: a task definition needs at least one container.',
        };
      } else if (Array.isArray(definitions) && definitions.length > MAX_CONTAINERS) {
        yield {
          path: 'containerDefinitions',
          message: `A task definition holds at most ${MAX_CONTAINERS} containers; this one has ${definitions.length}.`,
        };
      }
    },
  },
  {
    id: 'network-mode-invalid',
    severity: 'error',
    title: 'Unknown network mode',
    docUrl: DOCS.networkMode,
    *check({ doc }) {
      const mode = str(doc, 'networkMode');
      if (mode === undefined || isPlaceholder(mode)) return;
      if (NETWORK_MODES.some((known) => known === mode)) return;
      const known = NETWORK_MODES.find((candidate) => candidate === mode.trim().toLowerCase());
      yield {
        path: 'networkMode',
        message: `networkMode ${show(mode)} is not one of ${NETWORK_MODES.join(', ')}.`,
        ...(known
          ? { fix: fix(`Use "${known}"`, [{ op: 'set', path: 'networkMode', value: known }]) }
          : {}),
      };
    },
  },
  {
    id: 'task-size-format',
    severity: 'error',
    title: 'Task cpu or memory is not a size',
    docUrl: DOCS.taskSize,
    *check({ doc, taskCpu, taskMemory }) {
      // `unknown` is a placeholder or a value no unit reading explains; only the latter is wrong.
      const cpu = member(doc, 'cpu');
      if (taskCpu.state === 'unknown' && !isPlaceholder(cpu) && isSizeType(cpu)) {
        yield {
          path: 'cpu',
          message: `cpu ${show(cpu)} is not a CPU size: use CPU units ("1024") or vCPU ("1 vCPU").`,
        };
      }
      const memory = member(doc, 'memory');
      if (taskMemory.state === 'unknown' && !isPlaceholder(memory) && isSizeType(memory)) {
        yield {
          path: 'memory',
          message: `memory ${show(memory)} is not a memory size: use MiB ("2048") or GB ("2 GB").`,
        };
      }
    },
  },
  {
    id: 'ephemeral-storage-range',
    severity: 'error',
    title: 'Ephemeral storage between 21 and 200 GiB',
    docUrl: DOCS.fargateStorage,
    *check({ doc }) {
      const size = num(obj(doc, 'ephemeralStorage'), 'sizeInGiB');
      if (size === undefined || (size >= EPHEMERAL_STORAGE.min && size <= EPHEMERAL_STORAGE.max)) {
        return;
      }
      const clamped = Math.round(
        Math.min(EPHEMERAL_STORAGE.max, Math.max(EPHEMERAL_STORAGE.min, size)),
      );
      const path = 'ephemeralStorage.sizeInGiB';
      yield {
        path,
        message: `ephemeralStorage.sizeInGiB ${size} must be between ${EPHEMERAL_STORAGE.min} and ${EPHEMERAL_STORAGE.max}.`,
        fix: fix(`Use ${clamped} GiB`, [{ op: 'set', path, value: clamped }]),
      };
    },
  },
  {
    id: 'tags-too-many',
    severity: 'error',
    title: 'At most 50 tags',
    docUrl: DOCS.tags,
    *check({ doc }) {
      const count = list(doc, 'tags').length;
      if (count > MAX_TAGS) {
        yield {
          path: 'tags',
          message: `A task definition takes at most ${MAX_TAGS} tags; this one has ${count}.`,
        };
      }
    },
  },
  {
    id: 'tag-aws-prefix',
    severity: 'error',
    title: 'Tag keys cannot start with aws:',
    docUrl: DOCS.tags,
    *check({ doc }) {
      for (const { index, value } of objects(doc, 'tags')) {
        const key = str(value, 'key');
        if (key?.toLowerCase().startsWith('aws:')) {
          yield {
            path: `tags[${index}].key`,
            message: `Tag key ${show(key)} uses the reserved "aws:" prefix; AWS rejects it.`,
            fix: fix(`Remove tag ${show(key)}`, [{ op: 'remove', path: `tags[${index}]` }]),
          };
        }
      }
    },
  },
];

const isSizeType = (value: unknown) => typeof value === 'string' || typeof value === 'number';

import {
  DOCS,
  fix,
  member,
  obj,
  objects,
  show,
  str,
  type ContainerView,
  type LintRule,
  isPlaceholder,
} from './model.js';

/** Secrets: references ECS can resolve, and secret values written in plain text. */

const SECRETS_MANAGER_ARN = /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:\S+$/;
const SSM_PARAMETER_ARN = /^arn:aws[\w-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/\S+$/;
const SSM_PARAMETER_NAME = /^[A-Za-z0-9_.\-/]{1,2048}$/;

/** Whether `valueFrom` is something ECS can read a secret from. */
export function isSecretReference(valueFrom: string): boolean {
  return (
    SECRETS_MANAGER_ARN.test(valueFrom) ||
    SSM_PARAMETER_ARN.test(valueFrom) ||
    (SSM_PARAMETER_NAME.test(valueFrom) && !valueFrom.startsWith('arn'))
  );
}

/** Words that make an environment variable name a secret: `DB_PASSWORD`, `githubToken`. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'APIKEY',
  'PRIVATEKEY',
]);
/** Last words that make a name a secret after some other word: `API_KEY`, `DB_PASS`. */
const SECRET_ENDINGS = new Set(['KEY', 'PASS', 'PWD']);
/** Last words that name something about a secret, not the secret: `TOKEN_URL`, `SECRET_ARN`. */
const NOT_SECRET_ENDINGS = new Set([
  'URL',
  'URI',
  'HOST',
  'HOSTNAME',
  'PORT',
  'PATH',
  'FILE',
  'DIR',
  'ARN',
  'ID',
  'NAME',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'TIMEOUT',
  'ENDPOINT',
  'REGION',
  'HEADER',
  'LENGTH',
  'SIZE',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'TYPE',
  'ALGORITHM',
  'ALG',
  'ISSUER',
  'AUDIENCE',
  'PARAM',
  'PARAMETER',
  'LOCATION',
  'SECONDS',
  'MINUTES',
  'HOURS',
  'DAYS',
  'MS',
  'AGE',
  'LIFETIME',
  'COOKIE',
  'FIELD',
  'PREFIX',
  'VERSION',
  'STORE',
  'PROVIDER',
  'MODE',
  'LIMIT',
  'COUNT',
]);

/** Whether an environment variable name looks like it holds a secret. */
export function isSecretLikeName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const last = words[words.length - 1];
  if (last === undefined || NOT_SECRET_ENDINGS.has(last) || words.includes('PUBLIC')) return false;
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return words.length > 1 && SECRET_ENDINGS.has(last);
}

/** A value that is worth hiding: not empty, not a placeholder, not a flag or a reference. */
function isSecretLikeValue(value: string): boolean {
  const text = value.trim();
  if (text === '' || isPlaceholder(text)) return false;
  if (/^(?:true|false|yes|no|on|off|none|null)$/i.test(text)) return false;
  return !/^arn:aws/.test(text);
}

function* secretEntries(container: ContainerView) {
  for (const { index, value } of objects(container.def, 'secrets')) {
    yield { value, at: (key: string) => container.at('secrets', index, key) };
  }
  const logConfiguration = obj(container.def, 'logConfiguration');
  for (const { index, value } of objects(logConfiguration, 'secretOptions')) {
    yield {
      value,
      at: (key: string) => container.at('logConfiguration', 'secretOptions', index, key),
    };
  }
}

const PARAMETER_SAFE = /[^A-Za-z0-9_.-]+/g;

export const secretRules: LintRule[] = [
  {
    id: 'secret-reference-invalid',
    severity: 'error',
    title: 'Secret valueFrom is not a Secrets Manager or SSM reference',
    docUrl: DOCS.secrets,
    *check({ containers }) {
      for (const container of containers) {
        for (const entry of secretEntries(container)) {
          const name = member(entry.value, 'name');
          if (name === undefined || name === null || name === '') {
            yield { path: entry.at('name'), message: `${container.label}: a secret needs a name.` };
          }
          const valueFrom = member(entry.value, 'valueFrom');
          if (valueFrom === undefined || valueFrom === null || valueFrom === '') {
            yield {
              path: entry.at('valueFrom'),
              message: `${container.label}: secret ${show(name)} needs a valueFrom (a Secrets Manager ARN, an SSM parameter ARN or name).`,
            };
          } else if (
            typeof valueFrom === 'string' &&
            !isPlaceholder(valueFrom) &&
            !isSecretReference(valueFrom)
          ) {
            yield {
              path: entry.at('valueFrom'),
              message: `${container.label}: secret ${show(name)} valueFrom ${show(valueFrom)} is not a Secrets Manager ARN (arn:aws:secretsmanager:…), an SSM parameter ARN (arn:aws:ssm:…:parameter/…) or an SSM parameter name.`,
            };
          }
        }
      }
    },
  },
  {
    id: 'plaintext-secret-env',
    severity: 'warning',
    title: 'Secret in a plain-text environment variable',
    docUrl: DOCS.secrets,
    *check({ containers, family }) {
      const prefix = (family ?? '').replace(PARAMETER_SAFE, '-') || 'app';
      for (const container of containers) {
        for (const { index, value } of objects(container.def, 'environment')) {
          const name = str(value, 'name');
          const text = str(value, 'value');
          if (!name || text === undefined || !isSecretLikeName(name) || !isSecretLikeValue(text)) {
            continue;
          }
          const parameter = `/${prefix}/${name.replace(PARAMETER_SAFE, '_')}`;
          yield {
            path: container.at('environment', index),
            message: `${container.label}: environment variable ${name} looks like a secret in plain text; anyone who can read the task definition can read it. Reference it from Secrets Manager or SSM Parameter Store with secrets.`,
            fix: fix(
              `Move ${name} to secrets as SSM parameter ${parameter} (store the value there first; the execution role must be able to read it)`,
              [
                { op: 'remove', path: container.at('environment', index) },
                {
                  op: 'append',
                  path: container.at('secrets'),
                  value: { name, valueFrom: parameter },
                },
              ],
            ),
          };
        }
      }
    },
  },
];

import type { ParamKind } from './routes.js';

/**
 * Hand-picked bad inputs (issue 12). A value is sent URL-encoded unless `raw` (then exactly as
 * written, for percent-encoding tricks a client could send).
 */
export interface BadValue {
  value: string;
  raw?: boolean;
  why: string;
}

const encoded = (value: string, why: string): BadValue => ({ value, why });
const raw = (value: string, why: string): BadValue => ({ value, raw: true, why });

/** Bad for every kind of path parameter: none of them can hold any of these. */
const EVERYWHERE: BadValue[] = [
  encoded('a'.repeat(10_000), '10,000 characters'),
  encoded('wé b', 'a space and an accent'),
  encoded('名前', 'CJK'),
  encoded('🚀', 'an emoji'),
  encoded('\u202Eevil', 'an RTL override'),
  encoded('a\u200Bb', 'a zero-width space'),
  encoded('\u0000', 'NUL'),
  encoded('a\nb', 'a newline'),
  encoded('a\r\nSet-Cookie: x=1', 'CRLF injection'),
  encoded('<script>alert(1)</script>', 'markup'),
  encoded('../../etc/passwd', 'path traversal, encoded slashes'),
  raw('..%2F..%2Fetc%2Fpasswd', 'path traversal, %2F'),
  raw('%2e%2e', 'dot-dot, percent-encoded'),
  raw('%2e%2e%2f%2e%2e%2fetc', 'dot-dot-slash, percent-encoded'),
  raw('..%5c..%5cwindows', 'backslash traversal'),
  encoded('arn:aws:s3:::bucket', 'an ARN of the wrong service'),
  encoded('arn:aws:ecs:mars-1:123456789012:cluster/prod', 'an ARN of a region that does not exist'),
  encoded("' OR '1'='1", 'SQL-ish'),
  encoded('${jndi:ldap://x}', 'template-ish'),
];

/** Values of the right characters but the wrong form, per kind. */
const BY_KIND: Record<ParamKind, BadValue[]> = {
  ecsName: [encoded('a'.repeat(256), '256 characters'), encoded('we.b', 'a dot')],
  ecsId: [
    encoded('not-a-task', 'no id'),
    encoded('0F1E2D3C4B5A49687766554433221100', 'upper-case hex'),
    encoded('0f1e2d3c4b5a4968776655443322110', '31 hex digits'),
    encoded(
      'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d3c4b5a49687766554433221100',
      'an ARN instead of the id',
    ),
  ],
  family: [encoded('a'.repeat(256), '256 characters'), encoded('web:3', 'family:revision')],
  revision: [
    encoded('0', 'zero'),
    encoded('-1', 'negative'),
    encoded('1.5', 'a fraction'),
    encoded('99999999999999999999', 'huge'),
    encoded('NaN', 'NaN'),
    encoded('Infinity', 'Infinity'),
    encoded('1e3', 'an exponent'),
    encoded('0x10', 'hexadecimal'),
    encoded(' 7 ', 'padded with spaces'),
    encoded('latest', 'a word'),
  ],
  repository: [
    encoded('Team/Web', 'upper case'),
    encoded('a', 'one character'),
    encoded('team//web', 'an empty component'),
    encoded('/team', 'a leading slash'),
    encoded('a'.repeat(257), '257 characters'),
  ],
  digest: [
    encoded('sha256:xyz', 'not hex'),
    encoded(`sha512:${'ab'.repeat(64)}`, 'sha512'),
    encoded(`sha256:${'AB'.repeat(32)}`, 'upper-case hex'),
  ],
  traceId: [
    encoded('1-xyz', 'short'),
    encoded('2-5f84c3a5-0123456789abcdef01234567', 'version 2'),
    encoded('Root=1-5f84c3a5-0123456789abcdef0123456', 'a header one digit short'),
  ],
};

export function badValuesFor(kind: ParamKind): BadValue[] {
  return [...EVERYWHERE, ...BY_KIND[kind]];
}

/** Bad `?region=` values: every route takes one, and only the offered regions are valid. */
export const BAD_REGIONS: BadValue[] = [
  encoded('../../', 'path traversal'),
  encoded('mars-1', 'a region that does not exist'),
  encoded('ap-south-1', 'a real region that is not offered'),
  encoded('US-EAST-1', 'upper case'),
  encoded('us-east-1\u0000', 'a NUL after a valid region'),
  encoded(' us-east-1', 'a leading space'),
  encoded('a'.repeat(10_000), '10,000 characters'),
  raw('us-east-1&region=eu-west-1', 'given twice'),
];

/** Bad values of the other query parameters, by route, and the word the 400 must contain. */
export const BAD_QUERIES: Record<string, { query: string; mention: RegExp }[]> = {
  '/clusters/:cluster/tasks': [
    { query: 'desiredStatus=ALL', mention: /desiredStatus/ },
    { query: 'desiredStatus=running', mention: /desiredStatus/ },
    { query: 'desiredStatus=RUNNING&desiredStatus=STOPPED', mention: /desiredStatus/ },
    { query: `desiredStatus=${'A'.repeat(10_000)}`, mention: /desiredStatus/ },
    { query: 'service=..%2F..%2Fetc', mention: /service/ },
    { query: 'service=arn%3Aaws%3Aecs%3Aus-east-1%3A1%3Aservice%2Fweb', mention: /service/ },
    { query: 'service=a&service=b', mention: /service/ },
    { query: `service=${'a'.repeat(256)}`, mention: /service/ },
  ],
  '/traces': [
    { query: `filter=${'a'.repeat(2001)}`, mention: /filter/ },
    { query: 'filter=a&filter=b', mention: /filter/ },
    { query: 'all=yes', mention: /all/ },
    { query: `nextToken=${'x'.repeat(5000)}`, mention: /nextToken/ },
    { query: 'start=yesterday', mention: /start/ },
    { query: 'start=-1', mention: /start/ },
    { query: 'start=2026-01-01T10:00:00Z&end=2026-01-01T09:00:00Z', mention: /end|start/ },
    {
      query: 'start=2020-01-01T00:00:00Z&end=2026-01-01T00:00:00Z',
      mention: /window|hours|days|start|end/i,
    },
    { query: 'nextToken=abc', mention: /nextToken/ },
  ],
  '/service-map': [
    { query: 'start=%00', mention: /start/ },
    { query: 'end=9999999999999999999', mention: /end/ },
    { query: 'start=a&start=b', mention: /start/ },
  ],
  '/repositories/:name/images/:digest/findings': [
    { query: 'severity=NOPE', mention: /severity/ },
    { query: 'severity=HIGH,,LOW', mention: /severity/ },
    { query: 'severity=a&severity=b', mention: /severity/ },
  ],
  '/repositories/:name/push-commands': [
    { query: 'tag=-x', mention: /tag/ },
    { query: 'tag=..%2F..%2Fetc', mention: /tag/ },
    { query: `tag=${'a'.repeat(129)}`, mention: /tag/ },
    { query: 'tag=a&tag=b', mention: /tag/ },
  ],
};

const huge = 'a'.repeat(100_000);
const text = (value: unknown) => JSON.stringify(value);

/** Bad bodies of the POST routes (raw JSON text) and the word the 4xx message must contain. */
export interface BadBody {
  body: string;
  mention: RegExp;
  /** The expected status and code when not 400 bad_request. */
  status?: number;
  code?: string;
}

/** Bad for every route that reads a JSON object body. */
export const BAD_BODIES: BadBody[] = [
  { body: '{"desiredCount":', mention: /JSON/ },
  { body: "{'single': 'quotes'}", mention: /JSON/ },
  { body: '{"a":1,}', mention: /JSON/ },
  { body: 'NaN', mention: /JSON/ },
  { body: '"a string"', mention: /JSON/ },
  { body: '42', mention: /JSON/ },
  { body: 'null', mention: /JSON/ },
  { body: '[]', mention: /request body/ },
  { body: '[{"desiredCount": 1}]', mention: /request body/ },
  {
    body: `{"x":"${'a'.repeat(1_100_000)}"}`,
    mention: /larger than the limit/,
    status: 413,
    code: 'payload_too_large',
  },
];

export const BAD_BODIES_BY_ROUTE: Record<string, BadBody[]> = {
  '/clusters/:cluster/services/:service/scale': [
    ...[-1, 5001, 1.5, 1e308, '3', null, true, [3], { n: 3 }].map((desiredCount) => ({
      body: text({ desiredCount }),
      mention: /desiredCount/,
    })),
    { body: '{"desiredCount": 1e400}', mention: /desiredCount/ },
    { body: '{"desiredCount": -0.0000001}', mention: /desiredCount/ },
    { body: '{}', mention: /desiredCount/ },
    { body: text({ desiredCount: 1, extra: 1 }), mention: /extra/ },
    { body: '{"desiredCount": 1, "__proto__": {"admin": true}}', mention: /__proto__/ },
    { body: text({ desiredCount: 1, confirm: 5 }), mention: /confirm/ },
    { body: text({ desiredCount: 1, confirm: huge }), mention: /confirm/ },
    {
      body: text({ desiredCount: 0 }),
      mention: /web/,
      code: 'confirmation_required',
    },
  ],
  '/clusters/:cluster/services/:service/deploy': [
    { body: text({ taskDefinition: 'arn:aws:s3:::bucket' }), mention: /taskDefinition/ },
    {
      body: text({ taskDefinition: 'arn:aws:ecs:mars-1:123456789012:task-definition/web:1' }),
      mention: /taskDefinition/,
    },
    {
      body: text({ taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1' }),
      mention: /taskDefinition/,
    },
    {
      body: text({ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web' }),
      mention: /taskDefinition/,
    },
    { body: text({ taskDefinition: 'web:latest' }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: '../web' }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: 'web:-1' }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: huge }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: 'web\u0000' }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: 3 }), mention: /taskDefinition/ },
    { body: text({ forceNewDeployment: 'yes' }), mention: /forceNewDeployment/ },
    { body: text({ forceNewDeployment: false }), mention: /taskDefinition|forceNewDeployment/ },
    { body: '{}', mention: /taskDefinition|forceNewDeployment/ },
    { body: text({ forceNewDeployment: true, extra: 1 }), mention: /extra/ },
  ],
  '/clusters/:cluster/tasks/:task/stop': [
    { body: text({ reason: '', confirm: 'x' }), mention: /reason/ },
    { body: text({ reason: ' \n\t ' }), mention: /reason/ },
    { body: text({ reason: 'a'.repeat(256) }), mention: /reason/ },
    { body: text({ reason: huge }), mention: /reason/ },
    { body: text({ reason: 42 }), mention: /reason/ },
    { body: '{}', mention: /reason/ },
    { body: text({ reason: 'x', extra: 1 }), mention: /extra/ },
    { body: text({ reason: 'x' }), mention: /0f1e2d3c/, code: 'confirmation_required' },
    {
      body: text({ reason: 'x', confirm: '../0f1e2d3c4b5a49687766554433221100' }),
      mention: /0f1e2d3c/,
      code: 'confirmation_required',
    },
  ],
  '/clusters/:cluster/container-instances/:id/state': [
    { body: text({ status: 'PAUSED' }), mention: /status/ },
    { body: text({ status: 'draining' }), mention: /status/ },
    { body: text({ status: 1 }), mention: /status/ },
    { body: '{}', mention: /status/ },
    { body: text({ status: 'ACTIVE', extra: 1 }), mention: /extra/ },
    { body: text({ status: 'DRAINING' }), mention: /a1b2c3d4/, code: 'confirmation_required' },
  ],
  '/task-definitions': [
    { body: '{}', mention: /taskDefinition/ },
    { body: text({ taskDefinition: ['web'] }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: huge }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: null }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: {} }), mention: /taskDefinition|family|containerDefinitions/ },
    { body: text({ taskDefinition: { family: 'web' }, extra: 1 }), mention: /extra/ },
  ],
  '/task-definitions/validate': [
    { body: '{}', mention: /taskDefinition/ },
    { body: text({ taskDefinition: huge }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: 42 }), mention: /taskDefinition/ },
    {
      body: text({ taskDefinition: {}, behindLoadBalancer: 'yes' }),
      mention: /behindLoadBalancer/,
    },
    { body: text({ taskDefinition: {}, extra: 1 }), mention: /extra/ },
  ],
  '/convert/dockerrun': [
    { body: '{}', mention: /dockerrun/ },
    { body: text({ dockerrun: huge }), mention: /dockerrun/ },
    { body: text({ dockerrun: '{"AWSEBDockerrunVersion":' }), mention: /dockerrun/ },
    { body: text({ dockerrun: 42 }), mention: /dockerrun/ },
    { body: text({ dockerrun: {}, family: 'a'.repeat(256) }), mention: /family/ },
    { body: text({ dockerrun: {}, family: 7 }), mention: /family/ },
    { body: text({ dockerrun: {}, extra: 1 }), mention: /extra/ },
  ],
  '/convert/taskdef-to-dockerrun': [
    { body: '{}', mention: /taskDefinition/ },
    { body: text({ taskDefinition: huge }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: [] }), mention: /taskDefinition/ },
    { body: text({ taskDefinition: {}, extra: 1 }), mention: /extra/ },
  ],
  '/session': [
    { body: '{}', mention: /token/ },
    { body: text({ token: 42 }), mention: /token/ },
    { body: text({ token: huge }), mention: /token/ },
    { body: text({ token: 'wrong' }), mention: /token/, status: 401, code: 'unauthorized' },
  ],
};

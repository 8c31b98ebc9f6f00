import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  GetTraceGraphCommand,
  GetTraceSummariesCommand,
  PutTraceSegmentsCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../engine/random.js';
import { createSimulator, type Simulator } from '../../simulator.js';
import type { JsonObject } from './json.js';
import { parseSegment, SEGMENT_DOCUMENT_MAX_BYTES } from './segment.js';

// Issue 12: segment documents of any shape. parseSegment answers ok or an X-Ray error code and
// never throws; PutTraceSegments answers garbage with UnprocessedTraceSegments (never a 500), and
// what it accepted can be read back through every X-Ray read. fast-check is not a dependency of
// aws-sim: the simulator's seeded PRNG generates the documents, so a failure reproduces.

/** A loaded 2-core machine runs these several times slower than a laptop. */
const SLOW = { timeout: 60_000 };
const nowSeconds = Math.floor(Date.now() / 1000);
const hex = (random: Random, length: number) => random.hex(length);
const traceIdOf = (random: Random) => `1-${nowSeconds.toString(16)}-${hex(random, 24)}`;

const WEIRD: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  '1',
  '-1',
  'NaN',
  'Infinity',
  'x'.repeat(300),
  '🚀',
  '\u0000',
  '\u202e',
  '../../etc/passwd',
  [],
  [1, 'a'],
  {},
  { a: { b: { c: [] } } },
  { __proto__: { polluted: true } },
];

const FIELDS = [
  'id',
  'name',
  'trace_id',
  'start_time',
  'end_time',
  'in_progress',
  'parent_id',
  'type',
  'subsegments',
  'http',
  'aws',
  'annotations',
  'metadata',
  'error',
  'fault',
  'throttle',
  'cause',
  'origin',
  'user',
  'namespace',
  'sql',
  'service',
  'precursor_ids',
  'inferred',
];

/** A valid segment or subsegment (X-Ray's rules), with some of the optional parts. */
function validSpan(random: Random, traceId: string, depth: number, root: boolean): JsonObject {
  const start = nowSeconds - random.int(1, 600) + random.next();
  const span: JsonObject = {
    id: hex(random, 16),
    name: random.pick([
      'web',
      'api',
      'DynamoDB',
      'ünï cödé',
      'a:b/c%d&e#f=g+h\\i-j@k',
      'x'.repeat(200),
    ]),
    start_time: start,
    end_time: start + random.next() * 3,
  };
  if (root) span.trace_id = traceId;
  if (random.next() < 0.3)
    span.http = {
      request: { method: 'GET', url: '/x' },
      response: { status: random.int(100, 599) },
    };
  if (random.next() < 0.3)
    span.annotations = { k: random.pick<unknown>(['v', 1, true, null, {}, []]) };
  if (random.next() < 0.2) span[random.pick(['error', 'fault', 'throttle'])] = true;
  if (random.next() < 0.2) span.namespace = random.pick(['aws', 'remote', 'local', 'weird']);
  if (random.next() < 0.2)
    span.origin = random.pick(['AWS::ECS::Container', 'AWS::EC2::Instance', '']);
  if (random.next() < 0.2) span.in_progress = true;
  if (random.next() < 0.2)
    span.cause = random.pick<unknown>([
      { exceptions: [{ id: hex(random, 16), message: 'boom' }] },
      hex(random, 16),
    ]);
  if (depth > 0 && random.next() < 0.5)
    span.subsegments = Array.from({ length: random.int(1, 3) }, () =>
      validSpan(random, traceId, depth - 1, false),
    );
  return span;
}

/** A valid document with a few members replaced by weird values or removed, at any depth. */
function mutatedDocument(random: Random, traceId: string): JsonObject {
  const document = validSpan(random, traceId, 3, true);
  for (let edits = random.int(1, 3); edits > 0; edits -= 1) {
    let target = document;
    while (Array.isArray(target.subsegments) && random.next() < 0.5) {
      const children = target.subsegments.filter(
        (child): child is JsonObject =>
          typeof child === 'object' && child !== null && !Array.isArray(child),
      );
      if (children.length === 0) break;
      target = random.pick(children);
    }
    const field = random.pick(FIELDS);
    if (random.next() < 0.2) delete target[field];
    else target[field] = random.pick(WEIRD);
  }
  return document;
}

/** Subsegments nested `depth` deep: X-Ray bounds the nesting, and so must the validation. */
function deepDocument(random: Random, traceId: string, depth: number): JsonObject {
  const root = validSpan(random, traceId, 0, true);
  let parent = root;
  for (let level = 0; level < depth; level += 1) {
    const child = validSpan(random, traceId, 0, false);
    parent.subsegments = [child];
    parent = child;
  }
  return root;
}

/** The JSON text of a document, then damaged at the character level. */
function damagedText(random: Random, text: string): string {
  let out = text;
  for (let edits = random.int(1, 3); edits > 0; edits -= 1) {
    const at = random.int(0, out.length);
    switch (random.int(0, 3)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out =
          out.slice(0, at) +
          random.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'null', '🚀']) +
          out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at + random.int(1, 10));
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(random.int(0, 0xffff)) + out.slice(at + 1);
    }
  }
  return out;
}

function randomBytes(random: Random): string {
  const bytes = Buffer.alloc(random.int(0, 300));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = random.int(0, 255);
  return bytes.toString(random.next() < 0.5 ? 'utf8' : 'latin1');
}

/** One garbage-or-valid document text; about one in four is valid. */
function documentText(random: Random): string {
  const traceId = traceIdOf(random);
  switch (random.int(0, 7)) {
    case 0:
    case 1:
      return JSON.stringify(validSpan(random, traceId, 3, true));
    case 2:
    case 3:
      return JSON.stringify(mutatedDocument(random, traceId));
    case 4:
      return damagedText(random, JSON.stringify(validSpan(random, traceId, 2, true)));
    case 5:
      return JSON.stringify(random.pick(WEIRD));
    case 6:
      return JSON.stringify(deepDocument(random, traceId, random.pick([10, 63, 64, 65, 66, 200])));
    default:
      return randomBytes(random);
  }
}

function expectOutcome(text: string) {
  const result = parseSegment(text);
  if (!result.ok) {
    expect(result.code, text.slice(0, 200)).toMatch(/^[A-Za-z]+$/);
    expect(result.message).toMatch(/^Invalid (segment|subsegment)\. ErrorCode: /);
  }
  return result;
}

describe('parseSegment, fuzzed', () => {
  it('answers ok or an X-Ray error code for 3,000 documents, never throws', SLOW, () => {
    const random = new Random(2024);
    const counts = { ok: 0, invalid: 0 };
    for (let i = 0; i < 10_000; i += 1)
      counts[expectOutcome(documentText(random)).ok ? 'ok' : 'invalid'] += 1;
    expect(counts.ok).toBeGreaterThan(450);
    expect(counts.invalid).toBeGreaterThan(900);
  });

  it('refuses nesting deeper than X-Ray takes, without exhausting the stack', () => {
    const random = new Random(5);
    const traceId = traceIdOf(random);
    expect(expectOutcome(JSON.stringify(deepDocument(random, traceId, 60))).ok).toBe(true);
    // Built as text: JSON.stringify itself would exhaust the stack on a deep object.
    const span = () => `{"id":"${hex(random, 16)}","name":"a","start_time":1,"end_time":2`;
    const deepText = (levels: number) =>
      `${span().replace('{', `{"trace_id":"${traceId}",`)}${`,"subsegments":[${span()}`.repeat(levels)}${'}]'.repeat(levels)}}`;
    expect(Buffer.byteLength(deepText(800))).toBeLessThan(SEGMENT_DOCUMENT_MAX_BYTES);
    expect(expectOutcome(deepText(800))).toMatchObject({ ok: false, code: 'TooDeep' });
    expect(expectOutcome(deepText(5_000))).toMatchObject({ ok: false, code: 'SegmentTooLarge' });
    // Nesting of plain arrays, which JSON.parse takes but nothing else should recurse into.
    const arrays = `{"id":"${hex(random, 16)}","name":"a","trace_id":"${traceId}","start_time":1,"end_time":2,"metadata":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    expectOutcome(arrays);
    expectOutcome('['.repeat(100_000));
  });

  it('refuses a document over 64 KiB by size, and takes one just under it', () => {
    const random = new Random(6);
    const base = validSpan(random, traceIdOf(random), 0, true);
    const pad = (bytes: number) => {
      const text = JSON.stringify({ ...base, metadata: { pad: '' } });
      return JSON.stringify({
        ...base,
        metadata: { pad: 'x'.repeat(bytes - Buffer.byteLength(text)) },
      });
    };
    expect(expectOutcome(pad(SEGMENT_DOCUMENT_MAX_BYTES)).ok).toBe(true);
    expect(expectOutcome(pad(SEGMENT_DOCUMENT_MAX_BYTES + 1))).toMatchObject({
      ok: false,
      code: 'SegmentTooLarge',
    });
    expect(expectOutcome('🚀'.repeat(SEGMENT_DOCUMENT_MAX_BYTES))).toMatchObject({
      ok: false,
      code: 'SegmentTooLarge',
    });
  });
});

describe('PutTraceSegments with garbage, then every read', () => {
  let simulator: Simulator;
  let xray: XRayClient;

  beforeAll(async () => {
    simulator = createSimulator({ port: 0, scenario: 'empty', throttling: 'off' });
    await simulator.start();
    xray = new XRayClient({
      region: 'us-east-1',
      endpoint: simulator.endpoint,
      credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    xray.destroy();
    await simulator.stop();
  });

  it(
    'answers UnprocessedTraceSegments for exactly the invalid documents, and reads back the rest',
    SLOW,
    async () => {
      const random = new Random(99);
      const accepted = new Set<string>();
      for (let batch = 0; batch < 20; batch += 1) {
        const documents = Array.from({ length: 50 }, () => documentText(random));
        const expected = documents.filter((text) => !parseSegment(text).ok).length;
        const answer = await xray.send(
          new PutTraceSegmentsCommand({ TraceSegmentDocuments: documents }),
        );
        expect(answer.UnprocessedTraceSegments ?? []).toHaveLength(expected);
        for (const unprocessed of answer.UnprocessedTraceSegments ?? []) {
          expect(unprocessed.ErrorCode).toMatch(/^[A-Za-z]+$/);
          expect(unprocessed.Message).toMatch(/^Invalid /);
        }
        for (const text of documents) {
          const parsed = parseSegment(text);
          if (parsed.ok) accepted.add(parsed.meta.traceId);
        }
      }
      expect(accepted.size).toBeGreaterThan(100);

      // Whatever was accepted, the reads must answer (an internal error would throw here).
      const window = {
        StartTime: new Date((nowSeconds - 3_600) * 1000),
        EndTime: new Date((nowSeconds + 60) * 1000),
      };
      let token: string | undefined;
      let summaries = 0;
      do {
        const page = await xray.send(new GetTraceSummariesCommand({ ...window, NextToken: token }));
        summaries += page.TraceSummaries?.length ?? 0;
        token = page.NextToken;
      } while (token);
      expect(summaries).toBeGreaterThan(0);
      const ids = [...accepted];
      for (let i = 0; i < ids.length; i += 5) {
        const slice = ids.slice(i, i + 5);
        const traces = await xray.send(new BatchGetTracesCommand({ TraceIds: slice }));
        expect((traces.Traces ?? []).length + (traces.UnprocessedTraceIds ?? []).length).toBe(
          slice.length,
        );
        await xray.send(new GetTraceGraphCommand({ TraceIds: slice }));
      }
      await xray.send(new GetServiceGraphCommand(window));
      await xray.send(new GetTimeSeriesServiceStatisticsCommand({ ...window, Period: 60 }));
    },
  );

  it('answers a body that is not the input shape with a 4xx, not a 500', SLOW, async () => {
    const post = (body: string) =>
      fetch(`${simulator.endpoint}/TraceSegments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const body of [
      '',
      '{',
      'null',
      '[]',
      '"x"',
      '{"TraceSegmentDocuments": "x"}',
      '{"TraceSegmentDocuments": [1, 2]}',
      '{"TraceSegmentDocuments": [null]}',
      `{"TraceSegmentDocuments": ${JSON.stringify(Array.from({ length: 51 }, () => '{}'))}}`,
      '{"TraceSegmentDocuments": {"0": "{}"}}',
    ]) {
      const response = await post(body);
      expect(response.status, body.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 80)).toBeLessThan(500);
    }
  });
});

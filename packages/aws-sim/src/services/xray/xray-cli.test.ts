// X-Ray over the wire. The outside check is a compact smoke with the real AWS CLI v2 (botocore's
// restJson1 client, not ours: each shape is parsed by a client that knows AWS's model); each run
// starts Python, so everything else about the same trace is held with the SDK v3.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  GetTraceGraphCommand,
  GetTraceSummariesCommand,
  InvalidRequestException,
  paginateGetTraceSummaries,
  PutTraceSegmentsCommand,
  XRayClient,
  type TraceSummary,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator.js';
import type { JsonObject } from './json.js';
import { buildDynamoCall, buildSubsegment } from './testing.js';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);

function cliV2(): boolean {
  try {
    return execFileSync(AWS_CLI, ['--version'], { encoding: 'utf8', timeout: 30_000 }).startsWith(
      'aws-cli/2',
    );
  } catch {
    return false;
  }
}

/** One simulator per client, so the CLI's and the SDK's checks never see each other's writes. */
let cliEmpty: Simulator;
let sdkEmpty: Simulator;
let demo: Simulator;
let home: string;
const clients: XRayClient[] = [];

/** `aws xray <args>` against a simulator; resolves the parsed JSON or rejects with stderr. */
async function xray(simulator: Simulator, ...args: string[]): Promise<JsonObject> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDXRAYCHECK',
    AWS_SECRET_ACCESS_KEY: 'not-checked-by-the-simulator',
    AWS_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const { stdout } = await run(
    AWS_CLI,
    ['--endpoint-url', simulator.endpoint, '--output', 'json', 'xray', ...args],
    { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as JsonObject;
}

function sdk(simulator: Simulator): XRayClient {
  const client = new XRayClient({
    region: 'us-east-1',
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

/** The InvalidRequestException a call fails with (and that it fails with one). */
async function invalid(promise: Promise<unknown>): Promise<InvalidRequestException> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidRequestException);
  return error as InvalidRequestException;
}

// One request as two services would report it, timed a minute ago on the simulated clock.
const now = Date.now() / 1000;
const TRACE = `1-${Math.floor(now - 60).toString(16)}-0123456789abcdef01234567`;
const dynamo = buildDynamoCall({ start_time: now - 59.9, end_time: now - 59.85 });
const call = buildSubsegment({
  name: 'api',
  namespace: 'remote',
  traced: true,
  start_time: now - 59.95,
  end_time: now - 59.8,
});
const web = {
  name: 'web',
  id: 'a000000000000001',
  trace_id: TRACE,
  start_time: now - 60,
  end_time: now - 59.75,
  origin: 'AWS::ECS::Container',
  http: {
    request: { method: 'GET', url: 'https://shop.example.com/products/42', client_ip: '192.0.2.9' },
    response: { status: 200 },
  },
  annotations: { route: '/products/{id}' },
  aws: {
    ecs: {
      container: 'abc',
      container_arn: 'arn:aws:ecs:us-east-1:000000000000:container/prod/t/c',
    },
  },
  subsegments: [call],
};
const api = {
  name: 'api',
  id: 'b000000000000002',
  trace_id: TRACE,
  parent_id: call.id,
  start_time: now - 59.94,
  end_time: now - 59.81,
  origin: 'AWS::ECS::Container',
  http: { response: { status: 200 } },
  subsegments: [dynamo],
};
const sql = buildSubsegment({
  type: 'subsegment',
  trace_id: TRACE,
  parent_id: api.id,
  name: 'orders@db.example.internal',
  namespace: 'remote',
  sql: { url: 'jdbc:postgresql://db.example.internal/orders', sanitized_query: 'SELECT 1' },
  start_time: now - 59.84,
  end_time: now - 59.83,
});
const window = [
  '--start-time',
  String(Math.floor(now - 600)),
  '--end-time',
  String(Math.ceil(now + 60)),
];
/** The same window for the SDK. */
const sdkWindow = {
  StartTime: new Date(Math.floor(now - 600) * 1000),
  EndTime: new Date(Math.ceil(now + 60) * 1000),
};
const broken = JSON.stringify({ id: 'c000000000000003', name: 'x', trace_id: TRACE });
const documents = [JSON.stringify(web), JSON.stringify(api), JSON.stringify(sql), broken];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'xray-cli-'));
  cliEmpty = createSimulator({ port: 0, scenario: 'empty', throttling: 'off' });
  sdkEmpty = createSimulator({ port: 0, scenario: 'empty', throttling: 'off' });
  demo = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
  await Promise.all([cliEmpty.start(), sdkEmpty.start(), demo.start()]);
  // The demo's traffic stands still: what the window holds must not depend on how long the
  // CLI runs before it took on a busy machine.
  demo.clock.pause();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all([cliEmpty.stop(), sdkEmpty.stop(), demo.stop()]);
  rmSync(home, { recursive: true, force: true });
});

const UNPROCESSED = [
  {
    Id: 'c000000000000003',
    ErrorCode: 'MissingStartTime',
    Message: 'Invalid segment. ErrorCode: MissingStartTime',
  },
];

/** The summary every client must read of the trace, filtered by service, status and annotation. */
const SUMMARY = {
  Id: TRACE,
  Duration: 0.25,
  ResponseTime: 0.25,
  HasError: false,
  HasFault: false,
  HasThrottle: false,
  IsPartial: false,
  Http: {
    HttpURL: 'https://shop.example.com/products/42',
    HttpStatus: 200,
    HttpMethod: 'GET',
    ClientIp: '192.0.2.9',
  },
  EntryPoint: { Name: 'web', Type: 'AWS::ECS::Container' },
  ResourceARNs: [{ ARN: 'arn:aws:ecs:us-east-1:000000000000:container/prod/t/c' }],
  Annotations: { route: [{ AnnotationValue: { StringValue: '/products/{id}' } }] },
};
const FILTER = 'service("api") AND http.status = 200 AND annotation.route = "/products/{id}"';
const SERVICE_NAMES = ['DynamoDB', 'api', 'orders@db.example.internal', 'web'];
const GRAPH = [
  'client:undefined',
  'AWS::DynamoDB::Table:DynamoDB',
  'AWS::ECS::Container:api',
  'Database::SQL:orders@db.example.internal',
  'AWS::ECS::Container:web',
];

/** The merged documents of the trace: web, api and the DynamoDB segment X-Ray infers. */
function expectMergedDocuments(segments: { Document?: unknown }[]) {
  const parsed = segments.map((s) => {
    expect(typeof s.Document).toBe('string');
    return JSON.parse(String(s.Document)) as JsonObject;
  });
  expect(parsed.map((d) => d.name)).toEqual(['web', 'api', 'DynamoDB']);
  expect((parsed[1]?.subsegments as JsonObject[]).map((s) => s.name)).toEqual([
    'DynamoDB',
    'orders@db.example.internal',
  ]);
  expect(parsed[2]).toMatchObject({
    inferred: true,
    parent_id: dynamo.id,
    origin: 'AWS::DynamoDB::Table',
  });
}

// Each CLI run starts a Python interpreter: seconds, not milliseconds. One run per command.
describe.skipIf(!cliV2())('X-Ray with the AWS CLI v2', { timeout: 60_000 }, () => {
  it('put-trace-segments stores valid documents and reports the invalid ones', async () => {
    const out = await xray(
      cliEmpty,
      'put-trace-segments',
      '--trace-segment-documents',
      ...documents,
    );
    expect(out.UnprocessedTraceSegments).toEqual(UNPROCESSED);
  });

  it('get-trace-summaries finds the trace, filtered', async () => {
    const hit = await xray(
      cliEmpty,
      'get-trace-summaries',
      ...window,
      '--filter-expression',
      FILTER,
    );
    const summaries = hit.TraceSummaries as JsonObject[];
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject(SUMMARY);
    expect((summaries[0]?.ServiceIds as JsonObject[]).map((s) => s.Name).sort()).toEqual(
      SERVICE_NAMES,
    );
    expect(hit.TracesProcessedCount).toBe(1);
    // The CLI prints timestamps as ISO 8601; it parsed an epoch-seconds number to get there.
    expect(Date.parse(String(hit.ApproximateTime))).toBeGreaterThan(0);
  });

  it('batch-get-traces returns merged documents as JSON strings, with the inferred DynamoDB', async () => {
    const out = await xray(
      cliEmpty,
      'batch-get-traces',
      '--trace-ids',
      TRACE,
      '1-00000000-000000000000000000000000',
    );
    expect(out.UnprocessedTraceIds).toEqual(['1-00000000-000000000000000000000000']);
    const [trace] = out.Traces as JsonObject[];
    expect(trace).toMatchObject({ Id: TRACE, Duration: 0.25, LimitExceeded: false });
    expectMergedDocuments(trace?.Segments as JsonObject[]);
  });

  it('get-service-graph draws client → web → api → DynamoDB and the database', async () => {
    const graph = await xray(cliEmpty, 'get-service-graph', ...window);
    const services = graph.Services as JsonObject[];
    expect(services.map((s) => `${String(s.Type)}:${String(s.Name)}`)).toEqual(GRAPH);
    const webNode = services.find((s) => s.Name === 'web');
    expect(webNode).toMatchObject({
      Root: true,
      SummaryStatistics: { OkCount: 1, TotalCount: 1, ErrorStatistics: { TotalCount: 0 } },
    });
    expect(services[0]?.Edges).toEqual([
      expect.objectContaining({ ReferenceId: webNode?.ReferenceId }),
    ]);
  });
});

describe('X-Ray with the SDK v3, the same trace', () => {
  let client: XRayClient;
  beforeAll(async () => {
    client = sdk(sdkEmpty);
    const out = await client.send(
      new PutTraceSegmentsCommand({ TraceSegmentDocuments: documents }),
    );
    expect(out.UnprocessedTraceSegments).toEqual(UNPROCESSED);
  });

  it('refuses more than 50 documents in one PutTraceSegments', async () => {
    const refused = await invalid(
      client.send(
        new PutTraceSegmentsCommand({
          TraceSegmentDocuments: Array.from({ length: 51 }, () => broken),
        }),
      ),
    );
    expect(refused.message).toContain('at most 50 documents');
  });

  it('GetTraceSummaries finds the trace filtered, misses it on `fault`, refuses edge() { … }', async () => {
    const hit = await client.send(
      new GetTraceSummariesCommand({ ...sdkWindow, FilterExpression: FILTER }),
    );
    expect(hit.TraceSummaries).toHaveLength(1);
    expect(hit.TraceSummaries?.[0]).toMatchObject(SUMMARY);
    expect(hit.TraceSummaries?.[0]?.ServiceIds?.map((s) => s.Name).sort()).toEqual(SERVICE_NAMES);
    expect(hit.TracesProcessedCount).toBe(1);
    const miss = await client.send(
      new GetTraceSummariesCommand({ ...sdkWindow, FilterExpression: 'fault' }),
    );
    expect(miss.TraceSummaries).toEqual([]);
    const refused = await invalid(
      client.send(
        new GetTraceSummariesCommand({
          ...sdkWindow,
          FilterExpression: 'edge("web", "api") { fault }',
        }),
      ),
    );
    expect(refused.message).toContain('edge("from", "to") { … } is not supported');
  });

  it('BatchGetTraces merges the documents and refuses more than five ids', async () => {
    const out = await client.send(
      new BatchGetTracesCommand({ TraceIds: [TRACE, '1-00000000-000000000000000000000000'] }),
    );
    expect(out.UnprocessedTraceIds).toEqual(['1-00000000-000000000000000000000000']);
    expect(out.Traces?.[0]).toMatchObject({ Id: TRACE, Duration: 0.25, LimitExceeded: false });
    expectMergedDocuments(out.Traces?.[0]?.Segments ?? []);
    const tooMany = Array.from(
      { length: 6 },
      (_, i) => `1-00000000-${String(i).padStart(24, '0')}`,
    );
    await invalid(client.send(new BatchGetTracesCommand({ TraceIds: tooMany })));
  });

  it('GetServiceGraph and GetTraceGraph draw the same services', async () => {
    const graph = await client.send(new GetServiceGraphCommand(sdkWindow));
    const services = graph.Services ?? [];
    expect(services.map((s) => `${String(s.Type)}:${String(s.Name)}`)).toEqual(GRAPH);
    const traceGraph = await client.send(new GetTraceGraphCommand({ TraceIds: [TRACE] }));
    expect(traceGraph.Services?.map((s) => s.Name)).toEqual(services.map((s) => s.Name));
  });

  it('GetTimeSeriesServiceStatistics buckets a service by period', async () => {
    const out = await client.send(
      new GetTimeSeriesServiceStatisticsCommand({
        ...sdkWindow,
        EntitySelectorExpression: 'service("api")',
        Period: 60,
      }),
    );
    const points = out.TimeSeriesServiceStatistics ?? [];
    expect(points.length).toBeGreaterThanOrEqual(11);
    const total = points.reduce(
      (sum, point) => sum + (point.ServiceSummaryStatistics?.TotalCount ?? 0),
      0,
    );
    expect(total).toBe(1);
    await invalid(
      client.send(new GetTimeSeriesServiceStatisticsCommand({ ...sdkWindow, Period: 42 })),
    );
  });

  it('serves the demo traffic from the first minute, all pages of it', async () => {
    const demoClient = sdk(demo);
    const all: TraceSummary[] = [];
    // A copy: the SDK's paginator writes each page's NextToken into the input it is given, and
    // the fault search below must start from the window's end, not from the last page.
    for await (const page of paginateGetTraceSummaries({ client: demoClient }, { ...sdkWindow }))
      all.push(...(page.TraceSummaries ?? []));
    // Ten minutes at about two requests a second: several pages, followed to the end.
    expect(all.length).toBeGreaterThan(600);
    expect(new Set(all.map((s) => s.Id)).size).toBe(all.length);
    const faults: TraceSummary[] = [];
    for await (const page of paginateGetTraceSummaries(
      { client: demoClient },
      { ...sdkWindow, FilterExpression: 'fault AND service("api")' },
    ))
      faults.push(...(page.TraceSummaries ?? []));
    expect(faults.length).toBeGreaterThan(0);
    for (const summary of faults) expect(summary.HasFault).toBe(true);
  });
});

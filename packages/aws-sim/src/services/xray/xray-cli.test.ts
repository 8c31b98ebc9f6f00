// X-Ray over the wire with the real AWS CLI v2 (botocore's restJson1 client, not ours): every
// shape below is parsed by a client that knows AWS's model, not the simulator's idea of it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

let empty: Simulator;
let demo: Simulator;
let home: string;

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

async function failure(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return String((error as { stderr?: string }).stderr);
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

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'xray-cli-'));
  empty = createSimulator({ port: 0, scenario: 'empty', throttling: 'off' });
  demo = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
  await Promise.all([empty.start(), demo.start()]);
});
afterAll(async () => {
  await Promise.all([empty.stop(), demo.stop()]);
  rmSync(home, { recursive: true, force: true });
});

// Each CLI run starts a Python interpreter: seconds, not milliseconds.
describe.skipIf(!cliV2())('X-Ray with the AWS CLI v2', { timeout: 60_000 }, () => {
  it('put-trace-segments stores valid documents and reports the invalid ones', async () => {
    const broken = JSON.stringify({ id: 'c000000000000003', name: 'x', trace_id: TRACE });
    const out = await xray(
      empty,
      'put-trace-segments',
      '--trace-segment-documents',
      JSON.stringify(web),
      JSON.stringify(api),
      JSON.stringify(sql),
      broken,
    );
    expect(out.UnprocessedTraceSegments).toEqual([
      {
        Id: 'c000000000000003',
        ErrorCode: 'MissingStartTime',
        Message: 'Invalid segment. ErrorCode: MissingStartTime',
      },
    ]);
    const fiftyOne = Array.from({ length: 51 }, () => broken);
    const refused = await failure(
      xray(empty, 'put-trace-segments', '--trace-segment-documents', ...fiftyOne),
    );
    expect(refused).toContain('InvalidRequestException');
    expect(refused).toContain('at most 50 documents');
  });

  it('get-trace-summaries finds the trace, filtered', async () => {
    const hit = await xray(
      empty,
      'get-trace-summaries',
      ...window,
      '--filter-expression',
      'service("api") AND http.status = 200 AND annotation.route = "/products/{id}"',
    );
    const summaries = hit.TraceSummaries as JsonObject[];
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
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
    });
    expect((summaries[0]?.ServiceIds as JsonObject[]).map((s) => s.Name).sort()).toEqual([
      'DynamoDB',
      'api',
      'orders@db.example.internal',
      'web',
    ]);
    expect(hit.TracesProcessedCount).toBe(1);
    // The CLI prints timestamps as ISO 8601; it parsed an epoch-seconds number to get there.
    expect(Date.parse(String(hit.ApproximateTime))).toBeGreaterThan(0);

    const miss = await xray(
      empty,
      'get-trace-summaries',
      ...window,
      '--filter-expression',
      'fault',
    );
    expect(miss.TraceSummaries).toEqual([]);
    const refused = await failure(
      xray(empty, 'get-trace-summaries', ...window, '--filter-expression', 'edge("web", "api")'),
    );
    expect(refused).toContain('InvalidRequestException');
    expect(refused).toContain('"edge" is not supported');
  });

  it('batch-get-traces returns merged documents as JSON strings, with the inferred DynamoDB', async () => {
    const out = await xray(
      empty,
      'batch-get-traces',
      '--trace-ids',
      TRACE,
      '1-00000000-000000000000000000000000',
    );
    expect(out.UnprocessedTraceIds).toEqual(['1-00000000-000000000000000000000000']);
    const [trace] = out.Traces as JsonObject[];
    expect(trace).toMatchObject({ Id: TRACE, Duration: 0.25, LimitExceeded: false });
    const documents = (trace?.Segments as JsonObject[]).map((s) => {
      expect(typeof s.Document).toBe('string');
      return JSON.parse(String(s.Document)) as JsonObject;
    });
    expect(documents.map((d) => d.name)).toEqual(['web', 'api', 'DynamoDB']);
    const apiDocument = documents[1];
    expect((apiDocument?.subsegments as JsonObject[]).map((s) => s.name)).toEqual([
      'DynamoDB',
      'orders@db.example.internal',
    ]);
    expect(documents[2]).toMatchObject({
      inferred: true,
      parent_id: dynamo.id,
      origin: 'AWS::DynamoDB::Table',
    });

    const tooMany = Array.from(
      { length: 6 },
      (_, i) => `1-00000000-${String(i).padStart(24, '0')}`,
    );
    expect(await failure(xray(empty, 'batch-get-traces', '--trace-ids', ...tooMany))).toContain(
      'InvalidRequestException',
    );
  });

  it('get-service-graph and get-trace-graph draw client → web → api → DynamoDB and the database', async () => {
    const graph = await xray(empty, 'get-service-graph', ...window);
    const services = graph.Services as JsonObject[];
    const names = services.map((s) => `${String(s.Type)}:${String(s.Name)}`);
    expect(names).toEqual([
      'client:undefined',
      'AWS::DynamoDB::Table:DynamoDB',
      'AWS::ECS::Container:api',
      'Database::SQL:orders@db.example.internal',
      'AWS::ECS::Container:web',
    ]);
    const webNode = services.find((s) => s.Name === 'web');
    expect(webNode).toMatchObject({
      Root: true,
      SummaryStatistics: { OkCount: 1, TotalCount: 1, ErrorStatistics: { TotalCount: 0 } },
    });
    expect(services[0]?.Edges).toEqual([
      expect.objectContaining({ ReferenceId: webNode?.ReferenceId }),
    ]);
    const traceGraph = await xray(empty, 'get-trace-graph', '--trace-ids', TRACE);
    expect((traceGraph.Services as JsonObject[]).map((s) => s.Name)).toEqual(
      services.map((s) => s.Name),
    );
  });

  it('get-time-series-service-statistics buckets a service by period', async () => {
    const out = await xray(
      empty,
      'get-time-series-service-statistics',
      ...window,
      '--entity-selector-expression',
      'service("api")',
      '--period',
      '60',
    );
    const points = out.TimeSeriesServiceStatistics as JsonObject[];
    expect(points.length).toBeGreaterThanOrEqual(11);
    const total = points.reduce(
      (sum, point) => sum + Number((point.ServiceSummaryStatistics as JsonObject).TotalCount),
      0,
    );
    expect(total).toBe(1);
    expect(
      await failure(xray(empty, 'get-time-series-service-statistics', ...window, '--period', '42')),
    ).toContain('InvalidRequestException');
  });

  it('serves the demo traffic from the first minute, all pages of it', async () => {
    const all = await xray(demo, 'get-trace-summaries', ...window);
    const summaries = all.TraceSummaries as JsonObject[];
    // Ten minutes at about two requests a second: several pages, followed to the end.
    expect(summaries.length).toBeGreaterThan(600);
    expect(new Set(summaries.map((s) => s.Id)).size).toBe(summaries.length);
    const faults = await xray(
      demo,
      'get-trace-summaries',
      ...window,
      '--filter-expression',
      'fault AND service("api")',
    );
    expect((faults.TraceSummaries as JsonObject[]).length).toBeGreaterThan(0);
    for (const summary of faults.TraceSummaries as JsonObject[])
      expect(summary.HasFault).toBe(true);
  });
});

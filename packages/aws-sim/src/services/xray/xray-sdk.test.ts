// X-Ray with the AWS SDK for JavaScript v3, as the BFF calls it: timestamps become Dates,
// errors become the SDK's exception classes, paginators follow NextToken.
import {
  BatchGetTracesCommand,
  GetSamplingRulesCommand,
  GetSamplingTargetsCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  GetTraceGraphCommand,
  GetTraceSummariesCommand,
  InvalidRequestException,
  paginateGetTraceSummaries,
  PutTraceSegmentsCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator.js';
import { buildDynamoCall } from './testing.js';

let simulator: Simulator;
let xray: XRayClient;

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
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

const now = Date.now();
const window = { StartTime: new Date(now - 10 * 60_000), EndTime: new Date(now + 60_000) };
const traceId = `1-${Math.floor(now / 1000).toString(16)}-abcdef0123456789abcdef01`;

describe('X-Ray with the AWS SDK v3', () => {
  it('puts a segment and reads it back through every read operation', async () => {
    const segment = {
      name: 'sdk-v3',
      id: 'd000000000000001',
      trace_id: traceId,
      start_time: now / 1000 - 0.2,
      end_time: now / 1000,
      http: { response: { status: 503 } },
      fault: true,
      subsegments: [buildDynamoCall({ start_time: now / 1000 - 0.1, end_time: now / 1000 - 0.05 })],
    };
    const put = await xray.send(
      new PutTraceSegmentsCommand({ TraceSegmentDocuments: [JSON.stringify(segment)] }),
    );
    expect(put.UnprocessedTraceSegments).toEqual([]);

    const summaries = await xray.send(
      new GetTraceSummariesCommand({ ...window, FilterExpression: 'service("sdk-v3") AND fault' }),
    );
    expect(summaries.TraceSummaries?.map((s) => s.Id)).toEqual([traceId]);
    expect(summaries.TraceSummaries?.[0]?.StartTime).toBeInstanceOf(Date);
    expect(summaries.ApproximateTime).toBeInstanceOf(Date);

    const traces = await xray.send(new BatchGetTracesCommand({ TraceIds: [traceId] }));
    const names = traces.Traces?.[0]?.Segments?.map(
      (s) => (JSON.parse(s.Document ?? '{}') as { name?: string }).name,
    );
    expect(names).toEqual(['sdk-v3', 'DynamoDB']);

    const graph = await xray.send(new GetTraceGraphCommand({ TraceIds: [traceId] }));
    expect(graph.Services?.map((s) => s.Name ?? s.Type)).toEqual(['client', 'DynamoDB', 'sdk-v3']);
    expect(graph.Services?.[2]?.StartTime).toBeInstanceOf(Date);

    const series = await xray.send(
      new GetTimeSeriesServiceStatisticsCommand({
        ...window,
        EntitySelectorExpression: 'service("sdk-v3")',
        Period: 300,
      }),
    );
    const faults = series.TimeSeriesServiceStatistics?.reduce(
      (sum, point) => sum + (point.ServiceSummaryStatistics?.FaultStatistics?.TotalCount ?? 0),
      0,
    );
    expect(faults).toBe(1);
    expect(series.TimeSeriesServiceStatistics?.[0]?.Timestamp).toBeInstanceOf(Date);
  });

  it('draws the demo’s service map: client, web, api, DynamoDB, the database and the payment API', async () => {
    const graph = await xray.send(new GetServiceGraphCommand(window));
    const nodes = new Map(graph.Services?.map((s) => [s.Name ?? 'client', s]));
    expect(nodes.get('client')?.Type).toBe('client');
    expect(nodes.get('web')).toMatchObject({ Type: 'AWS::ECS::Container', Root: true });
    expect(nodes.get('api')?.Type).toBe('AWS::ECS::Container');
    expect(nodes.get('DynamoDB')?.Type).toBe('AWS::DynamoDB::Table');
    expect(nodes.get('api.payments.example.com')?.Type).toBe('remote');
    expect([...nodes.values()].some((s) => s.Type === 'Database::SQL')).toBe(true);
    const web = nodes.get('web');
    expect(web?.SummaryStatistics?.TotalCount).toBeGreaterThan(500);
    expect(web?.SummaryStatistics?.FaultStatistics?.TotalCount).toBeGreaterThan(0);
    expect(web?.SummaryStatistics?.ErrorStatistics?.ThrottleCount).toBeGreaterThan(0);
    expect(web?.ResponseTimeHistogram?.length).toBeGreaterThan(10);
  });

  it('pages summaries with the SDK paginator, each trace once', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateGetTraceSummaries({ client: xray }, { ...window })) {
      pages += 1;
      ids.push(...(page.TraceSummaries ?? []).map((s) => s.Id ?? ''));
    }
    expect(pages).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers sampling calls and refuses bad requests as InvalidRequestException', async () => {
    const rules = await xray.send(new GetSamplingRulesCommand({}));
    expect(rules.SamplingRuleRecords?.[0]?.SamplingRule).toMatchObject({
      RuleName: 'Default',
      FixedRate: 0.05,
    });
    const targets = await xray.send(
      new GetSamplingTargetsCommand({
        SamplingStatisticsDocuments: [
          {
            RuleName: 'Default',
            ClientID: '0'.repeat(24),
            Timestamp: new Date(),
            RequestCount: 5,
            SampledCount: 1,
          },
        ],
      }),
    );
    expect(targets.SamplingTargetDocuments?.[0]?.ReservoirQuotaTTL).toBeInstanceOf(Date);

    const refused = await xray
      .send(new GetTraceSummariesCommand({ ...window, FilterExpression: 'json CONTAINS "x"' }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(InvalidRequestException);
    expect((refused as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
  });
});

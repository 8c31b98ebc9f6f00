import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTracesService } from './traces.service.js';
import { mockedAwsLayer, awsError } from '../../testing/mocked-aws.js';

const xrayMock = mockClient(XRayClient);
const REGION = 'us-east-1';

function service(ttlMs = 0) {
  const layer = mockedAwsLayer(ttlMs);
  return { traces: createTracesService(layer.xray), reads: layer.xray };
}

const traceId = (i: number) => `1-6553f100-${String(i).padStart(24, '0')}`;
const window = {
  start: new Date('2026-11-26T11:00:00Z'),
  end: new Date('2026-11-26T12:00:00Z'),
  relative: false,
};

beforeEach(() => xrayMock.reset());
afterEach(() => xrayMock.reset());

describe('trace search', () => {
  it('answers one page with the token for the next, passing window and filter through', async () => {
    xrayMock.on(GetTraceSummariesCommand).resolves({
      TraceSummaries: [{ Id: traceId(1), Duration: 0.2 }, { Id: traceId(2) }],
      TracesProcessedCount: 40,
      ApproximateTime: new Date('2026-11-26T11:59:00Z'),
      NextToken: 'page-2',
    });
    const answer = await service().traces.listTraces(REGION, {
      window,
      filter: 'service("web") AND fault = true',
    });
    expect(answer).toMatchObject({
      traces: [{ id: traceId(1), duration: 200 }, { id: traceId(2) }],
      scanned: 40,
      nextToken: 'page-2',
      approximateTime: '2026-11-26T11:59:00.000Z',
      start: '2026-11-26T11:00:00.000Z',
      end: '2026-11-26T12:00:00.000Z',
      stale: false,
    });
    const calls = xrayMock.commandCalls(GetTraceSummariesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      StartTime: window.start,
      EndTime: window.end,
      FilterExpression: 'service("web") AND fault = true',
      NextToken: undefined,
    });
  });

  it('loads the next page with the token, and every page when asked', async () => {
    xrayMock
      .on(GetTraceSummariesCommand, { NextToken: undefined })
      .resolves({ TraceSummaries: [{ Id: traceId(1) }], TracesProcessedCount: 10, NextToken: 't2' })
      .on(GetTraceSummariesCommand, { NextToken: 't2' })
      // X-Ray may answer an empty page that still has a next one.
      .resolves({ TraceSummaries: [], TracesProcessedCount: 5, NextToken: 't3' })
      .on(GetTraceSummariesCommand, { NextToken: 't3' })
      .resolves({ TraceSummaries: [{ Id: traceId(3) }], TracesProcessedCount: 7 });
    const { traces } = service();

    const second = await traces.listTraces(REGION, { window, nextToken: 't2' });
    expect(second).toMatchObject({ traces: [], scanned: 5, nextToken: 't3' });

    const all = await traces.listTraces(REGION, { window, all: true });
    expect(all.traces.map((trace) => trace.id)).toEqual([traceId(1), traceId(3)]);
    expect(all.scanned).toBe(22);
    expect(all.nextToken).toBeUndefined();
    expect(
      xrayMock.commandCalls(GetTraceSummariesCommand).map((call) => call.args[0].input.NextToken),
    ).toEqual(['t2', undefined, 't2', 't3']);
  });

  it('answers a bad filter expression with 400 and X-Ray’s message', async () => {
    xrayMock
      .on(GetTraceSummariesCommand)
      .rejects(awsError('InvalidRequestException', 'Invalid filter expression: service("web"'));
    const error = await service()
      .traces.listTraces(REGION, { window, filter: 'service("web"' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Searching traces: Invalid filter expression: service("web"',
    });
  });

  it('shares one entry among "last 15 minutes" searches and serves it stale while X-Ray throttles', async () => {
    xrayMock
      .on(GetTraceSummariesCommand)
      .resolvesOnce({ TraceSummaries: [{ Id: traceId(1) }], TracesProcessedCount: 1 })
      .rejects(awsError('ThrottledException', 'Rate exceeded'));
    const { traces } = service(0);
    const recent = (minutesAgo: number) => {
      const end = new Date(Date.now() - minutesAgo * 60_000);
      return { start: new Date(end.getTime() - 15 * 60_000), end, relative: true };
    };
    const fresh = await traces.listTraces(REGION, { window: recent(1) });
    const stale = await traces.listTraces(REGION, { window: recent(0) });
    expect(stale).toMatchObject({ stale: true, asOf: fresh.asOf, start: fresh.start });
    expect(stale.traces.map((trace) => trace.id)).toEqual([traceId(1)]);
    // Fixed windows are their own entries: nothing stale to fall back on, so the 429 shows.
    const error = await traces.listTraces(REGION, { window }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'aws_throttled' });
  });
});

describe('one trace', () => {
  it('builds the span tree of a trace', async () => {
    xrayMock.on(BatchGetTracesCommand).resolves({
      Traces: [
        {
          Id: FIXTURE_TRACE_ID,
          Duration: 0.5,
          Segments: checkoutTraceStrings().map((Document, i) => ({ Id: `s${i}`, Document })),
        },
      ],
    });
    const { trace, stale } = await service().traces.getTrace(REGION, FIXTURE_TRACE_ID);
    expect(stale).toBe(false);
    expect(trace.segments[0]?.name).toBe('web');
    expect(trace.hints.map((hint) => hint.kind)).toEqual(['orphan', 'broken-hop']);
    expect(xrayMock.commandCalls(BatchGetTracesCommand)[0]?.args[0].input.TraceIds).toEqual([
      FIXTURE_TRACE_ID,
    ]);
  });

  it('is a 404 when X-Ray returns the id as unprocessed, or nothing', async () => {
    xrayMock
      .on(BatchGetTracesCommand)
      .resolvesOnce({ Traces: [], UnprocessedTraceIds: [traceId(9)] })
      .resolvesOnce({})
      .resolves({ Traces: [{ Id: traceId(9), Segments: [] }] });
    const { traces } = service();
    for (let i = 0; i < 3; i += 1) {
      await expect(traces.getTrace(REGION, traceId(9))).rejects.toMatchObject({
        status: 404,
        code: 'not_found',
      });
    }
  });

  it('answers 20 concurrent requests for a trace with one BatchGetTraces call', async () => {
    xrayMock.on(BatchGetTracesCommand).resolves({
      Traces: [{ Id: FIXTURE_TRACE_ID, Segments: [{ Document: checkoutTraceStrings()[3] }] }],
    });
    const { traces } = service(5_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => traces.getTrace(REGION, FIXTURE_TRACE_ID)),
    );
    expect(answers.every((answer) => answer.trace.segments[0]?.name === 'web')).toBe(true);
    expect(xrayMock.commandCalls(BatchGetTracesCommand)).toHaveLength(1);
  });
});

describe('BatchGetTraces batching', () => {
  it('asks for at most 5 ids per call and follows each batch’s NextToken', async () => {
    xrayMock
      .on(BatchGetTracesCommand)
      .callsFake((input: { TraceIds: string[]; NextToken?: string }) => {
        // The first batch's answer comes in two pages.
        if (input.TraceIds.includes(traceId(0)) && !input.NextToken) {
          return { Traces: [{ Id: traceId(0) }], NextToken: 'more' };
        }
        const ids = input.NextToken ? input.TraceIds.slice(1) : input.TraceIds;
        return {
          Traces: ids.filter((id) => id !== traceId(11)).map((Id) => ({ Id })),
          UnprocessedTraceIds: ids.includes(traceId(11)) ? [traceId(11)] : [],
        };
      });
    const ids = Array.from({ length: 12 }, (_, i) => traceId(i));
    const { value } = await service().reads.traces(REGION, [...ids, traceId(3)]);

    const sizes = xrayMock
      .commandCalls(BatchGetTracesCommand)
      .map((call) => [call.args[0].input.TraceIds?.length, call.args[0].input.NextToken]);
    expect(sizes).toEqual([
      [5, undefined],
      [5, undefined],
      [2, undefined],
      [5, 'more'],
    ]);
    expect(value.traces.map((trace) => trace.Id).sort()).toEqual(ids.slice(0, 11));
    expect(value.unprocessed).toEqual([traceId(11)]);
  });
});

describe('service map', () => {
  it('reads every page of the service graph and merges them', async () => {
    xrayMock
      .on(GetServiceGraphCommand, { NextToken: undefined })
      .resolves({
        Services: [{ ReferenceId: 0, Name: 'web', Root: true, Edges: [{ ReferenceId: 1 }] }],
        NextToken: 'g2',
      })
      .on(GetServiceGraphCommand, { NextToken: 'g2' })
      .resolves({ Services: [{ ReferenceId: 1, Name: 'orders-api' }] });
    const map = await service().traces.serviceMap(REGION, window);
    expect(map.nodes.map((node) => node.name)).toEqual(['web', 'orders-api']);
    expect(map.edges).toMatchObject([{ source: 0, target: 1 }]);
    expect(map).toMatchObject({ start: '2026-11-26T11:00:00.000Z', stale: false });
    const calls = xrayMock.commandCalls(GetServiceGraphCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      { StartTime: window.start, EndTime: window.end, NextToken: undefined },
      { StartTime: window.start, EndTime: window.end, NextToken: 'g2' },
    ]);
  });

  it('serves the last good map, marked stale, while X-Ray throttles', async () => {
    xrayMock
      .on(GetServiceGraphCommand)
      .resolvesOnce({ Services: [{ ReferenceId: 0, Name: 'web' }] })
      .rejects(awsError('ThrottledException', 'Rate exceeded'));
    const { traces } = service(0);
    const fresh = await traces.serviceMap(REGION, window);
    const stale = await traces.serviceMap(REGION, window);
    expect(fresh.stale).toBe(false);
    expect(stale).toMatchObject({ stale: true, asOf: fresh.asOf, nodes: [{ name: 'web' }] });
  });
});

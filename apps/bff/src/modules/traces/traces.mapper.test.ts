import { TraceSummary as TraceSummarySchema } from '@deckhand/shared';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { secondsToMs, toTraceDetail, toTraceSummary } from './traces.mapper.js';

describe('toTraceSummary', () => {
  it('maps a full GetTraceSummaries entry, seconds to ms', () => {
    const summary = toTraceSummary({
      Id: FIXTURE_TRACE_ID,
      StartTime: new Date('2023-11-14T22:13:20.000Z'),
      Duration: 0.5,
      ResponseTime: 0.498,
      HasError: false,
      HasFault: true,
      HasThrottle: false,
      IsPartial: false,
      Http: {
        HttpMethod: 'GET',
        HttpURL: 'https://shop.example.com/checkout',
        HttpStatus: 500,
        ClientIp: '203.0.113.7',
      },
      Annotations: {
        customer_tier: [{ AnnotationValue: { StringValue: 'gold' }, ServiceIds: [] }],
        cart_items: [
          { AnnotationValue: { NumberValue: 3 } },
          { AnnotationValue: { NumberValue: 4 } },
        ],
        beta: [{ AnnotationValue: { BooleanValue: false } }],
        empty: [{}],
      },
      ServiceIds: [
        { Name: 'web', Names: ['web'], Type: 'AWS::ECS::Container' },
        { Name: 'orders-api', Type: 'AWS::ECS::Container' },
        { Names: ['DynamoDB'], Type: 'AWS::DynamoDB::Table' },
        { Name: 'web', Type: 'client' },
      ],
      ResourceARNs: [
        { ARN: 'arn:aws:ecs:us-east-1:123456789012:task/prod-fargate/0a1b2c3d' },
        { ARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders' },
      ],
    });
    expect(summary).toEqual({
      id: FIXTURE_TRACE_ID,
      startTime: '2023-11-14T22:13:20.000Z',
      duration: 500,
      responseTime: 498,
      http: { method: 'GET', url: 'https://shop.example.com/checkout', status: 500 },
      hasError: false,
      hasFault: true,
      hasThrottle: false,
      isPartial: false,
      services: ['web', 'orders-api', 'DynamoDB'],
      annotations: { customer_tier: ['gold'], cart_items: [3, 4], beta: [false] },
      ecs: [{ cluster: 'prod-fargate', taskId: '0a1b2c3d' }],
    });
    expect(TraceSummarySchema.parse(summary)).toEqual(summary);
  });

  it('tolerates a bare summary: start from the id, zeros and empties elsewhere', () => {
    expect(toTraceSummary({ Id: FIXTURE_TRACE_ID })).toEqual({
      id: FIXTURE_TRACE_ID,
      startTime: '2023-11-14T22:13:20.000Z',
      duration: 0,
      responseTime: 0,
      http: {},
      hasError: false,
      hasFault: false,
      hasThrottle: false,
      isPartial: false,
      services: [],
      annotations: {},
    });
    expect(toTraceSummary({ Duration: 1 })).toBeUndefined();
  });

  it('rounds seconds to microsecond ms and refuses nonsense', () => {
    expect(secondsToMs(0.1 + 0.2)).toBe(300);
    expect(secondsToMs(1.2345678)).toBe(1234.568);
    expect(secondsToMs(undefined)).toBe(0);
    expect(secondsToMs(-1)).toBe(0);
    expect(secondsToMs(Number.NaN)).toBe(0);
  });
});

describe('toTraceDetail', () => {
  it('builds the tree from the JSON-string documents', () => {
    const detail = toTraceDetail(
      {
        Id: FIXTURE_TRACE_ID,
        Duration: 0.5,
        LimitExceeded: false,
        Segments: [
          ...checkoutTraceStrings().map((Document, index) => ({ Id: `s${index}`, Document })),
          { Id: 'no-document' },
        ],
      },
      FIXTURE_TRACE_ID,
    );
    expect(detail.segments.map((span) => span.name)).toEqual(['web', 'audit-worker']);
    expect(detail.duration).toBe(500);
    expect(detail.criticalPath[0]).toBe('a000000000000001');
  });

  it('passes LimitExceeded on, and X-Ray’s duration when there is nothing to read', () => {
    const detail = toTraceDetail({ LimitExceeded: true, Duration: 2, Segments: [] }, 'fallback-id');
    expect(detail).toMatchObject({ id: 'fallback-id', limitExceeded: true, duration: 2000 });
    expect(detail.hints.map((hint) => hint.kind)).toEqual(['limit-exceeded']);
  });
});

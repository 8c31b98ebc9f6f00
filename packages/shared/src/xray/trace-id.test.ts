import { describe, expect, it } from 'vitest';
import {
  isSegmentId,
  isXrayTraceId,
  normalizeTraceId,
  traceIdTime,
  w3cToXrayTraceId,
  xrayToW3cTraceId,
} from './trace-id.js';

const XRAY = '1-5f84c3a5-91b4c2d8e7f60a1b2c3d4e5f';
const W3C = '5f84c3a591b4c2d8e7f60a1b2c3d4e5f';

describe('normalizeTraceId', () => {
  it('keeps an X-Ray trace id, lower-cased and trimmed', () => {
    expect(normalizeTraceId(XRAY)).toBe(XRAY);
    expect(normalizeTraceId(`  ${XRAY.toUpperCase()}\n`)).toBe(XRAY);
  });

  it('turns a W3C / OpenTelemetry trace id into the X-Ray form', () => {
    expect(normalizeTraceId(W3C)).toBe(XRAY);
    expect(normalizeTraceId(W3C.toUpperCase())).toBe(XRAY);
  });

  it('takes the Root of an X-Amzn-Trace-Id header, in any field order and spacing', () => {
    expect(normalizeTraceId(`Root=${XRAY};Parent=53995c3f42cd8ad8;Sampled=1`)).toBe(XRAY);
    expect(normalizeTraceId(`Self=1-67891234-abcdef012345678912345678; Root=${XRAY}`)).toBe(XRAY);
    expect(normalizeTraceId(`X-Amzn-Trace-Id: Root=${XRAY};Sampled=0`)).toBe(XRAY);
    expect(normalizeTraceId(`root=${W3C}`)).toBe(XRAY);
  });

  it('takes the trace id of a W3C traceparent header', () => {
    expect(normalizeTraceId(`00-${W3C}-00f067aa0ba902b7-01`)).toBe(XRAY);
    expect(normalizeTraceId(`traceparent: 00-${W3C}-00f067aa0ba902b7-01`)).toBe(XRAY);
  });

  it('rejects what names no trace', () => {
    for (const bad of [
      '',
      'abc',
      '1-5f84c3a5-91b4c2d8e7f60a1b2c3d4e5', // 23 hex
      '2-5f84c3a5-91b4c2d8e7f60a1b2c3d4e5f', // version 2 does not exist
      '1-5f84c3a5-91b4c2d8e7f60a1b2c3d4e5g',
      '0'.repeat(32), // W3C forbids the all-zero id
      'Parent=53995c3f42cd8ad8;Sampled=1', // a header without Root
      `Root=;Sampled=1`,
      `${XRAY};x`,
    ]) {
      expect(normalizeTraceId(bad), bad).toBeUndefined();
    }
  });
});

describe('trace id helpers', () => {
  it('converts between the X-Ray and W3C forms both ways', () => {
    expect(w3cToXrayTraceId(W3C)).toBe(XRAY);
    expect(xrayToW3cTraceId(XRAY)).toBe(W3C);
    expect(xrayToW3cTraceId('nope')).toBeUndefined();
    expect(w3cToXrayTraceId('123')).toBeUndefined();
  });

  it('validates trace and segment ids', () => {
    expect(isXrayTraceId(XRAY)).toBe(true);
    expect(isXrayTraceId(W3C)).toBe(false);
    expect(isSegmentId('53995c3f42cd8ad8')).toBe(true);
    expect(isSegmentId('53995c3f42cd8ad')).toBe(false);
    expect(isSegmentId('53995C3F42CD8AD8X')).toBe(false);
  });

  it('reads the start second from the id', () => {
    expect(traceIdTime('1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f')?.toISOString()).toBe(
      '2023-11-14T22:13:20.000Z',
    );
    expect(traceIdTime('x')).toBeUndefined();
  });
});

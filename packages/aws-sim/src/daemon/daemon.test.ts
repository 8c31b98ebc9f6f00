import { createSocket, type Socket } from 'node:dgram';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSimulator, type Simulator } from '../simulator.js';
import { buildSegment, traceId } from '../services/xray/testing.js';
import { parseDaemonAddress } from './address.js';
import { MAX_DATAGRAM_BYTES, parseDatagram } from './datagram.js';

const HEADER = '{"format": "json", "version": 1}\n';
const now = () => Math.floor(Date.now() / 1000);

describe('daemon address', () => {
  it('reads the forms of AWS_XRAY_DAEMON_ADDRESS', () => {
    expect(parseDaemonAddress('127.0.0.1:2000')).toEqual({
      udp: { host: '127.0.0.1', port: 2000 },
      tcp: { host: '127.0.0.1', port: 2000 },
    });
    expect(parseDaemonAddress('udp:xray-daemon:2001 tcp:localhost:2002')).toEqual({
      udp: { host: 'xray-daemon', port: 2001 },
      tcp: { host: 'localhost', port: 2002 },
    });
    expect(parseDaemonAddress('[::1]:2000').udp).toEqual({ host: '::1', port: 2000 });
    for (const bad of ['2000', 'host:', 'host:70000', 'tcp:a:1', 'tcp:a:1 tcp:b:2', 'a:1 b:2'])
      expect(() => parseDaemonAddress(bad)).toThrow(/must be host:port/);
  });
});

describe('datagram parsing', () => {
  it('splits the header line from the one segment after it', () => {
    expect(parseDatagram(Buffer.from(`${HEADER}{"id":"x"}`))).toEqual({
      ok: true,
      segment: '{"id":"x"}',
    });
  });

  it.each([
    ['no newline at all', '{"format": "json", "version": 1}', 'noHeader'],
    ['a header that is not JSON', 'format=json\n{}', 'badHeader'],
    ['the wrong format', '{"format": "xml", "version": 1}\n{}', 'badHeader'],
    ['the wrong version', '{"format": "json", "version": 2}\n{}', 'badHeader'],
    ['nothing after the header', `${HEADER}  `, 'noSegment'],
  ])('drops %s', (_, text, reason) => {
    expect(parseDatagram(Buffer.from(text))).toEqual({ ok: false, reason });
  });

  it('drops anything over 64 KiB', () => {
    const body = 'x'.repeat(MAX_DATAGRAM_BYTES - HEADER.length);
    expect(parseDatagram(Buffer.from(HEADER + body)).ok).toBe(true);
    expect(parseDatagram(Buffer.from(`${HEADER + body}x`))).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
  });
});

describe('the X-Ray daemon of a running simulator', () => {
  let simulator: Simulator;
  let client: Socket;

  const send = (payload: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      const udp = simulator.xrayDaemon?.udp;
      if (!udp) throw new Error('daemon not started');
      client.send(payload, udp.port, udp.host, (error) => (error ? reject(error) : resolve()));
    });
  const stats = async () => {
    const response = await fetch(`${simulator.endpoint}/_sim/stats`);
    return ((await response.json()) as { xray: Record<string, unknown> }).xray;
  };
  const sampling = (path: string, body: unknown) => {
    const tcp = simulator.xrayDaemon?.tcp;
    return fetch(`http://${tcp?.host}:${tcp?.port}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  };

  beforeAll(async () => {
    simulator = createSimulator({ port: 0, scenario: 'empty' });
    await simulator.start();
    client = createSocket('udp4');
  });
  afterAll(async () => {
    client.close();
    await simulator.stop();
  });

  it('listens on free ports when the simulator does, UDP and TCP on the same one', () => {
    const daemon = simulator.xrayDaemon;
    expect(daemon?.udp.port).toBeGreaterThan(0);
    expect(daemon?.tcp).toEqual(daemon?.udp);
  });

  it('stores valid segments and counts and drops malformed datagrams', async () => {
    const id = traceId(now(), 77);
    const segment = buildSegment({ trace_id: id, start_time: now() - 1, end_time: now() });
    await send(HEADER + JSON.stringify(segment));
    await send('no header here');
    await send('{"format": "json", "version": 1}\n{"id": "broken json');
    await send(HEADER + JSON.stringify({ ...segment, id: 'not-an-id' }));
    await send(Buffer.from([0xff, 0xfe, 0x0a, 0x00]));
    await vi.waitFor(async () => expect((await stats()).received).toBe(5), { timeout: 5_000 });
    expect(await stats()).toMatchObject({
      received: 5,
      accepted: 1,
      dropped: 4,
      dropReasons: { noHeader: 1, badHeader: 1, invalidSegment: 2 },
      stored: { traces: 1, segments: 1 },
    });
    expect(simulator.world.region('us-east-1').traces.get(id, Date.now())?.segments.size).toBe(1);
  });

  it('takes a datagram near the UDP maximum whole', async () => {
    const id = traceId(now(), 78);
    const segment = buildSegment({
      trace_id: id,
      start_time: now() - 1,
      end_time: now(),
      metadata: { pad: '' },
    });
    // IPv4 carries at most 65,507 bytes of UDP payload: just under the daemon's 64 KiB buffer.
    const pad = 65_000 - Buffer.byteLength(HEADER + JSON.stringify(segment));
    const big = HEADER + JSON.stringify({ ...segment, metadata: { pad: 'x'.repeat(pad) } });
    expect(Buffer.byteLength(big)).toBe(65_000);
    const before = (await stats()).accepted as number;
    await send(big);
    await vi.waitFor(async () => expect((await stats()).accepted).toBe(before + 1), {
      timeout: 5_000,
    });
    const stored = simulator.world.region('us-east-1').traces.get(id, Date.now());
    expect(stored?.segments.values().next().value?.text.length).toBe(65_000 - HEADER.length);
  });

  it('answers the SDK sampling calls over TCP with the Default rule', async () => {
    const rules = await sampling('/GetSamplingRules', {});
    expect(rules.status).toBe(200);
    expect(await rules.json()).toMatchObject({
      SamplingRuleRecords: [
        {
          SamplingRule: {
            RuleName: 'Default',
            RuleARN: 'arn:aws:xray:us-east-1:000000000000:sampling-rule/Default',
            Priority: 10000,
            FixedRate: 0.05,
            ReservoirSize: 1,
            ServiceName: '*',
            Version: 1,
          },
        },
      ],
    });
    const statistics = (RuleName: string) => ({
      RuleName,
      ClientID: 'a'.repeat(24),
      Timestamp: now(),
      RequestCount: 10,
      SampledCount: 1,
      BorrowCount: 0,
    });
    const targets = await sampling('/SamplingTargets', {
      SamplingStatisticsDocuments: [statistics('Default'), statistics('Nope')],
    });
    const body = (await targets.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      SamplingTargetDocuments: [
        { RuleName: 'Default', FixedRate: 0.05, ReservoirQuota: 1, Interval: 10 },
      ],
      UnprocessedStatistics: [{ RuleName: 'Nope' }],
    });
    expect((await sampling('/SamplingTargets', { SamplingStatisticsDocuments: [{}] })).status).toBe(
      400,
    );
    expect((await sampling('/TraceSegments', {})).status).toBe(404);
    expect((await stats()).samplingRequests).toBe(3);
  });
});

const freeTcpPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('daemon lifecycle', () => {
  const busySocket = () =>
    new Promise<Socket>((resolve) => {
      const socket = createSocket('udp4');
      socket.bind(0, '127.0.0.1', () => resolve(socket));
    });

  it('fails start() clearly when the UDP port is taken, leaving nothing listening', async () => {
    const busy = await busySocket();
    const port = busy.address().port;
    const simulator = createSimulator({
      port: 0,
      scenario: 'empty',
      xrayDaemonAddress: `127.0.0.1:${port}`,
    });
    await expect(simulator.start()).rejects.toThrow(
      `X-Ray daemon cannot listen on UDP 127.0.0.1:${port}: the port is in use`,
    );
    expect(simulator.xrayDaemon).toBeUndefined();
    await simulator.stop();
    busy.close();
  });

  it('closes its ports on stop(), and takes separate tcp: and udp: addresses', async () => {
    const tcpPort = await freeTcpPort();
    const simulator = createSimulator({
      port: 0,
      scenario: 'empty',
      xrayDaemonAddress: `udp:127.0.0.1:0 tcp:127.0.0.1:${tcpPort}`,
    });
    await simulator.start();
    const daemon = simulator.xrayDaemon;
    expect(daemon?.tcp.port).toBe(tcpPort);
    const rules = await fetch(`http://127.0.0.1:${tcpPort}/GetSamplingRules`, { method: 'POST' });
    expect(rules.status).toBe(200);
    await simulator.stop();
    expect(simulator.xrayDaemon).toBeUndefined();
    // The port is free again: a fresh socket can bind it.
    const probe = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind(daemon?.udp.port, '127.0.0.1', () => resolve());
    });
    probe.close();
  });
});

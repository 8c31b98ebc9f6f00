import { createSocket, type Socket } from 'node:dgram';
import { BatchGetTracesCommand, XRayClient } from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Random } from '../engine/random.js';
import { buildSegment, traceId } from '../services/xray/testing.js';
import { createSimulator, type Simulator } from '../simulator.js';
import { MAX_DATAGRAM_BYTES } from './datagram.js';

// Issue 12: whatever arrives on the daemon's UDP port — no header, a wrong header, bad JSON,
// binary garbage, nothing at all, the largest datagrams, 10,000 at once — it is counted and
// dropped, the daemon keeps running, and a valid segment sent right after is stored and
// readable through the X-Ray API.

const HEADER = '{"format": "json", "version": 1}\n';
/** The largest UDP payload IPv4 carries (65,535 − 8 UDP − 20 IP header bytes). */
const MAX_UDP_PAYLOAD = 65_507;
const SLOW = { timeout: 60_000 };
const WAIT = { timeout: 20_000, interval: 50 };

interface XrayStats {
  received: number;
  accepted: number;
  dropped: number;
  dropReasons: Record<string, number>;
}

let simulator: Simulator;
let client: Socket;
let xray: XRayClient;
let sequence = 0;

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'empty', throttling: 'off' });
  await simulator.start();
  client = createSocket('udp4');
  xray = new XRayClient({
    region: 'us-east-1',
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.close();
  xray.destroy();
  await simulator.stop();
});

function send(payload: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const udp = simulator.xrayDaemon?.udp;
    if (!udp) {
      reject(new Error('daemon not started'));
      return;
    }
    client.send(payload, udp.port, udp.host, (error) => (error ? reject(error) : resolve()));
  });
}

async function stats(): Promise<XrayStats> {
  const response = await fetch(`${simulator.endpoint}/_sim/stats`);
  return ((await response.json()) as { xray: XrayStats }).xray;
}

const now = () => Math.floor(Date.now() / 1000);

/** A valid segment document of a fresh trace, as its datagram. */
function validDatagram(): { id: string; datagram: string } {
  sequence += 1;
  const id = traceId(now(), 0xd000 + sequence);
  const segment = buildSegment({ trace_id: id, start_time: now() - 1, end_time: now() });
  return { id, datagram: HEADER + JSON.stringify(segment) };
}

/** The daemon still works: a valid segment is stored and BatchGetTraces returns it. */
async function expectStillServing() {
  const { id, datagram } = validDatagram();
  await send(datagram);
  await vi.waitFor(async () => {
    const answer = await xray.send(new BatchGetTracesCommand({ TraceIds: [id] }));
    expect(answer.Traces?.[0]?.Id).toBe(id);
  }, WAIT);
}

/** Sends one datagram and waits for the daemon to count it; returns the counters' change. */
async function counted(payload: string | Buffer) {
  const before = await stats();
  await send(payload);
  await vi.waitFor(async () => expect((await stats()).received).toBe(before.received + 1), WAIT);
  const after = await stats();
  const reasons = Object.fromEntries(
    Object.entries(after.dropReasons)
      .map(([reason, count]) => [reason, count - (before.dropReasons[reason] ?? 0)] as const)
      .filter(([, delta]) => delta !== 0),
  );
  return { accepted: after.accepted - before.accepted, reasons };
}

describe('the X-Ray daemon under malformed datagrams', () => {
  it.each([
    ['an empty datagram', Buffer.alloc(0), 'noHeader'],
    ['no header line', '{"id": "x"}', 'noHeader'],
    ['a header that is not JSON', 'format json version 1\n{}', 'badHeader'],
    ['a header of the wrong format', '{"format": "xml", "version": 1}\n{}', 'badHeader'],
    [
      'a header with the version as a string',
      '{"format": "json", "version": "1"}\n{}',
      'badHeader',
    ],
    ['a header in upper case', '{"FORMAT": "JSON", "VERSION": 1}\n{}', 'badHeader'],
    ['a header that is an array', '["json", 1]\n{}', 'badHeader'],
    ['a header that is null', 'null\n{}', 'badHeader'],
    ['a header of 60,000 characters', `${'{'.repeat(60_000)}\n{}`, 'badHeader'],
    ['a header and nothing after it', HEADER, 'noSegment'],
    ['a header and whitespace', `${HEADER} \r\n\t`, 'noSegment'],
    ['a segment that is not JSON', `${HEADER}{"id": "broken`, 'invalidSegment'],
    ['a segment that is an array', `${HEADER}[1, 2, 3]`, 'invalidSegment'],
    ['a segment that is a number', `${HEADER}42`, 'invalidSegment'],
    ['a segment without an id', `${HEADER}{"name": "web", "start_time": 1}`, 'invalidSegment'],
    ['a segment with NUL characters', `${HEADER}{"id": "\u0000"}`, 'invalidSegment'],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0xc3, 0x28, 0xa0, 0xa1]), 'badHeader'],
    [
      'invalid UTF-8 after a valid header',
      Buffer.concat([Buffer.from(HEADER), Buffer.from([0xc3, 0x28, 0xff])]),
      'invalidSegment',
    ],
    ['two headers', `${HEADER}${HEADER}{}`, 'invalidSegment'],
  ])('counts and drops %s', async (_, payload, reason) => {
    const change = await counted(payload);
    expect(change).toEqual({ accepted: 0, reasons: { [reason]: 1 } });
  });

  it('drops deep nesting and oversize segments as invalid', SLOW, async () => {
    const deep = `${HEADER}{"id":"0123456789abcdef","metadata":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    expect((await counted(deep)).reasons).toEqual({ invalidSegment: 1 });
    const unicode = `${HEADER}{"id":"${'🚀'.repeat(16_000)}"}`;
    expect((await counted(unicode)).reasons).toEqual({ invalidSegment: 1 });
    await expectStillServing();
  });

  it(
    'takes a datagram of exactly the UDP maximum, and is not reached by anything larger',
    SLOW,
    async () => {
      const { id, datagram } = validDatagram();
      const segment = JSON.parse(datagram.slice(HEADER.length)) as Record<string, unknown>;
      const bare = HEADER + JSON.stringify({ ...segment, metadata: { pad: '' } });
      const padded =
        HEADER +
        JSON.stringify({
          ...segment,
          metadata: { pad: 'x'.repeat(MAX_UDP_PAYLOAD - Buffer.byteLength(bare)) },
        });
      expect(Buffer.byteLength(padded)).toBe(MAX_UDP_PAYLOAD);
      expect(await counted(padded)).toEqual({ accepted: 1, reasons: {} });
      await vi.waitFor(async () => {
        const answer = await xray.send(new BatchGetTracesCommand({ TraceIds: [id] }));
        expect(answer.Traces?.[0]?.Id).toBe(id);
      }, WAIT);
      // One byte more cannot leave the client: the kernel refuses it (EMSGSIZE), nothing arrives.
      const before = (await stats()).received;
      await expect(send(Buffer.alloc(MAX_UDP_PAYLOAD + 1, 0x61))).rejects.toThrow(
        /EMSGSIZE|too long/i,
      );
      await expect(send(Buffer.alloc(MAX_DATAGRAM_BYTES + 1, 0x61))).rejects.toThrow(
        /EMSGSIZE|too long/i,
      );
      await expectStillServing();
      expect((await stats()).received).toBe(before + 1);
    },
  );

  it('survives 10,000 datagrams in a burst, then stores a valid segment', SLOW, async () => {
    const random = new Random(2000);
    const garbage = (): Buffer => {
      switch (random.int(0, 4)) {
        case 0:
          return Buffer.from(`${HEADER}{"id":"${random.hex(16)}","name":"x"`);
        case 1: {
          const bytes = Buffer.alloc(random.int(0, 400));
          for (let i = 0; i < bytes.length; i += 1) bytes[i] = random.int(0, 255);
          return bytes;
        }
        case 2:
          return Buffer.from(
            `{"format":"json","version":${random.int(0, 3)}}\n${'{'.repeat(random.int(0, 50))}`,
          );
        case 3:
          return Buffer.from(validDatagram().datagram);
        default:
          return Buffer.from(random.hex(random.int(1, 200)));
      }
    };
    const before = await stats();
    const sent = 10_000;
    // Handed to the kernel in waves; UDP may drop some of them, which is what UDP does.
    for (let wave = 0; wave < sent / 500; wave += 1)
      await Promise.all(Array.from({ length: 500 }, () => send(garbage())));
    // Wait until the daemon has read what reached it: the count stops moving.
    let last = -1;
    await vi.waitFor(
      async () => {
        const { received } = await stats();
        const settled = received === last;
        last = received;
        expect(settled).toBe(true);
      },
      { timeout: 30_000, interval: 500 },
    );
    const after = await stats();
    const received = after.received - before.received;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(sent);
    expect(after.accepted - before.accepted + after.dropped - before.dropped).toBe(received);
    await expectStillServing();
  });
});

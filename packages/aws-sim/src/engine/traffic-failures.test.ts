import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDemo } from '../scenarios/demo.js';
import type { JsonObject } from '../services/xray/json.js';
import { parseSegment } from '../services/xray/segment.js';
import { SimClock } from './clock.js';
import type { TaskRecord } from './model.js';
import { Random } from './random.js';
import { World } from './region-state.js';
import { stopTraffic } from './traffic.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const SECOND = 1_000;
/** When the test's fault strikes: before the demo's first release replaces any task. */
const FAULT_AT = T0 + 60 * SECOND;

/** Every document node (segments and their subsegments, at any depth). */
function nodes(node: JsonObject): JsonObject[] {
  const children = (node.subsegments as JsonObject[] | undefined) ?? [];
  return [node, ...children.flatMap(nodes)];
}

const taskOf = (node: JsonObject) =>
  ((node.aws as JsonObject | undefined)?.ecs as JsonObject | undefined)?.task_arn;
const statusOf = (node: JsonObject) =>
  ((node.http as JsonObject | undefined)?.response as JsonObject | undefined)?.status;
const exceptionsOf = (node: JsonObject) =>
  ((node.cause as JsonObject | undefined)?.exceptions as JsonObject[] | undefined) ?? [];

/**
 * The demo on a hand-driven clock. `fault` strikes the first RUNNING task of a service at
 * FAULT_AT; `reads` are the simulated times at which the traces are read (each read pulls the
 * traffic, and with it the fleet, up to that time). The first read is at T0: after a longer
 * stall traffic would only fill the last fifteen minutes, which shifts every request.
 */
function run(options: { fault?: { service: string; kind: 'oom' | 'unhealthy' }; reads: number[] }) {
  let real = T0;
  const world = new World('000000000000');
  const clock = new SimClock(1, () => real);
  buildDemo({ world, region: 'us-east-1', clock, random: new Random(11) });
  const state = world.region('us-east-1');
  let victim: TaskRecord | undefined;
  if (options.fault) {
    const group = `service:${options.fault.service}`;
    victim = [...state.tasks.values()]
      .filter((task) => task.group === group && task.lastStatus === 'RUNNING')
      .sort((a, b) => (a.arn < b.arn ? -1 : 1))[0];
    if (!victim) throw new Error(`no running ${group} task`);
    state.fleet.schedule({
      at: FAULT_AT,
      kind: 'fault',
      arn: victim.arn,
      fault: options.fault.kind,
    });
  }
  for (const at of options.reads) {
    real = at;
    state.traces.query(0, Infinity, 'TraceId', clock.now());
  }
  const documents = state.traces
    .query(0, Infinity, 'TraceId', clock.now())
    .flatMap((hit) => [...hit.trace.segments.values()])
    .map((stored) => JSON.parse(stored.text) as JsonObject)
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  stopTraffic(world);
  return { documents, victim, nodes: documents.flatMap(nodes) };
}

describe('traffic through failing tasks', () => {
  // No tick may run on its own: the tests drive the simulated clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const END = T0 + 3 * 60 * SECOND;

  it('answers 502, naming the web task, for requests routed to it after it died of memory', () => {
    const {
      victim,
      nodes: all,
      documents,
    } = run({
      fault: { service: 'web', kind: 'oom' },
      reads: [T0, END],
    });
    if (!victim) throw new Error('no victim');
    expect(victim).toMatchObject({ stopCode: 'EssentialContainerExited', stoppingAt: FAULT_AT });
    const stoppedAt = victim.stoppedAt;
    if (stoppedAt === undefined) throw new Error('the task never stopped');
    expect(stoppedAt).toBeLessThan(END);

    const named = all.filter((node) => taskOf(node) === victim.arn);
    const start = (node: JsonObject) => (node.start_time as number) * 1000;
    const failing = named.filter((node) => start(node) >= FAULT_AT);
    // About a third of ~2 requests a second, for 10–30 s.
    expect(failing.length).toBeGreaterThan(3);
    for (const node of failing) {
      expect(node).toMatchObject({ name: 'web', fault: true });
      expect(statusOf(node)).toBe(502);
      expect(exceptionsOf(node)[0]?.message).toMatch(/Connection reset by peer/);
    }
    expect(Math.max(...failing.map(start))).toBeLessThan(stoppedAt);
    expect(Math.max(...failing.map(start))).toBeGreaterThan(FAULT_AT + 5 * SECOND);
    // Before it died, the task served like the others.
    const before = named.filter((node) => start(node) < FAULT_AT && node.in_progress !== true);
    expect(before.length).toBeGreaterThan(100);
    expect(before.filter((node) => exceptionsOf(node).some((e) => e.remote === true))).toEqual([]);
    for (const document of documents)
      expect(parseSegment(JSON.stringify(document))).toMatchObject({ ok: true });
  });

  it('records a 502 from api on web’s call when the api task fails its health checks', () => {
    const { victim, nodes: all } = run({
      fault: { service: 'api', kind: 'unhealthy' },
      reads: [T0, END],
    });
    if (!victim?.stoppedAt) throw new Error('the api task never stopped');
    expect(victim).toMatchObject({ stoppedReason: 'Task failed container health checks' });
    const calls = all.filter((node) => taskOf(node) === victim.arn && node.namespace === 'remote');
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) {
      expect(call).toMatchObject({ name: 'api', fault: true });
      expect(statusOf(call)).toBe(502);
      expect(exceptionsOf(call)[0]?.message).toMatch(/upstream connect error/);
      expect((call.start_time as number) * 1000).toBeGreaterThanOrEqual(FAULT_AT);
    }
    const after = all.filter(
      (node) =>
        taskOf(node) === victim.arn &&
        (node.start_time as number) * 1000 >= (victim.stoppedAt ?? 0),
    );
    expect(after).toEqual([]);
  });

  it('leaves the traffic before the failure as it would have been, read in any order', () => {
    const once = run({ fault: { service: 'web', kind: 'oom' }, reads: [T0, END] });
    const stepwise = run({
      fault: { service: 'web', kind: 'oom' },
      reads: [T0, T0 + 30 * SECOND, FAULT_AT - 1, FAULT_AT + 7 * SECOND, T0 + 100 * SECOND, END],
    });
    expect(stepwise.documents).toEqual(once.documents);

    const healthy = run({ reads: [T0, END] });
    const started = (document: JsonObject) => (document.start_time as number) * 1000;
    const beforeFault = (documents: JsonObject[]) =>
      documents.filter((document) => started(document) < FAULT_AT - 5 * SECOND);
    expect(beforeFault(once.documents).length).toBeGreaterThan(1_000);
    expect(beforeFault(once.documents)).toEqual(beforeFault(healthy.documents));
    // Without the fault, nobody's requests fail with a reset connection.
    const resets = (all: JsonObject[]) =>
      all.filter((node) => exceptionsOf(node).some((e) => /reset by peer/.test(String(e.message))));
    expect(resets(healthy.nodes)).toEqual([]);
    expect(resets(once.nodes).length).toBeGreaterThan(3);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { traceFacts } from '../services/xray/analysis.js';
import { assembleTrace } from '../services/xray/assemble.js';
import type { JsonObject } from '../services/xray/json.js';
import { parseSegment } from '../services/xray/segment.js';
import { createSimulator } from '../simulator.js';
import { SimClock } from './clock.js';
import { Random } from './random.js';
import { World } from './region-state.js';
import { syntheticInstances } from './traffic-fleet.js';
import { simulateRequest } from './traffic-trace.js';
import { startTraffic, stopTraffic } from './traffic.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const MINUTE = 60_000;

/** Many requests from one seed, their documents flattened. */
function requests(count: number, seed = 7) {
  const world = new World('000000000000');
  const state = world.region('us-east-1');
  const random = new Random(seed);
  const web = syntheticInstances(state, 'web', 'prod-ec2');
  const api = syntheticInstances(state, 'api', 'prod-ec2');
  return Array.from({ length: count }, (_, i) =>
    simulateRequest(T0 + i * 500, {
      random,
      region: 'us-east-1',
      web: random.pick(web),
      api: random.pick(api),
    }),
  ).flat();
}

const all = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;

describe('simulated requests', () => {
  const emitted = requests(3_000);
  const documents = emitted.map((item) => item.document);
  const web = documents.filter((d) => d.name === 'web' && d.in_progress !== true);
  const subsegments = documents.flatMap((d) => (d.subsegments as JsonObject[] | undefined) ?? []);

  it('produce only documents X-Ray accepts', () => {
    for (const document of documents)
      expect(parseSegment(JSON.stringify(document))).toMatchObject({ ok: true });
    expect(web).toHaveLength(3_000);
  });

  it('are the same for the same seed', () => {
    expect(JSON.stringify(requests(50).slice(0, 40))).toBe(JSON.stringify(emitted.slice(0, 40)));
    expect(JSON.stringify(requests(50, 8).slice(0, 40))).not.toBe(
      JSON.stringify(emitted.slice(0, 40)),
    );
  });

  it('include errors, faults with stack traces, throttles, and a long latency tail', () => {
    const status = (d: JsonObject) =>
      ((d.http as JsonObject).response as JsonObject).status as number;
    expect(
      all(web, (d) => status(d) >= 400 && status(d) < 500 && status(d) !== 429),
    ).toBeGreaterThan(30);
    expect(all(web, (d) => status(d) === 429 && d.throttle === true)).toBeGreaterThan(30);
    const faults = web.filter((d) => d.fault === true);
    expect(faults.length).toBeGreaterThan(20);
    const apiFaults = documents.filter((d) => d.name === 'api' && d.fault === true);
    expect(apiFaults.length).toBeGreaterThan(10);
    for (const d of apiFaults) {
      const [exception] = (d.cause as JsonObject).exceptions as JsonObject[];
      expect((exception?.stack as unknown[]).length).toBeGreaterThan(1);
    }
    const durations = web
      .map((d) => (d.end_time as number) - (d.start_time as number))
      .sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)] ?? 0;
    const p99 = durations[Math.floor(durations.length * 0.99)] ?? 0;
    expect(median).toBeLessThan(0.1);
    expect(p99).toBeGreaterThan(median * 5);
  });

  it('call DynamoDB (aws), the database (sql) and the payment provider (remote)', () => {
    const dynamo = subsegments.filter((s) => s.namespace === 'aws');
    expect(dynamo.length).toBeGreaterThan(1_000);
    expect(dynamo[0]).toMatchObject({ name: 'DynamoDB', aws: { table_name: expect.any(String) } });
    const sql = subsegments.find((s) => s.sql !== undefined);
    expect(sql).toMatchObject({
      namespace: 'remote',
      sql: {
        url: expect.stringMatching(/^jdbc:postgresql:/),
        sanitized_query: expect.stringContaining('?'),
      },
    });
    const payments = documents.filter((d) => d.type === 'subsegment');
    expect(payments.length).toBeGreaterThan(100);
    expect(payments[0]).toMatchObject({ name: 'api.payments.example.com', namespace: 'remote' });
    expect(all(payments, (d) => d.throttle === true)).toBeGreaterThan(0);
  });

  it('send long segments in progress first, and carry aws.ecs and annotations', () => {
    expect(all(documents, (d) => d.in_progress === true)).toBeGreaterThan(5);
    expect(web[0]).toMatchObject({
      origin: 'AWS::ECS::Container',
      aws: {
        ecs: {
          container: expect.any(String),
          container_id: expect.any(String),
          task_arn: expect.any(String),
        },
      },
      annotations: { route: expect.any(String) },
      metadata: { default: expect.any(Object) },
    });
  });
});

describe('traffic', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pre-fills fifteen minutes, then keeps going on the simulated clock until stopped', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let real = T0;
    const clock = new SimClock(1, () => real);
    const world = new World('000000000000');
    startTraffic(
      { world, region: 'us-east-1', clock, random: new Random(1) },
      { cluster: 'prod-ec2' },
    );
    const store = world.region('us-east-1').traces;
    const window = (minutes: number) =>
      store.query((T0 - minutes * MINUTE) / 1000, T0 / 1000, 'TraceId', clock.now()).length;
    // About two requests a simulated second, for the last 15 minutes.
    expect(window(15)).toBeGreaterThan(1_500);
    expect(window(15)).toBeLessThan(2_100);
    expect(window(1)).toBeGreaterThan(90);
    const before = store.counts().traces;

    real += 10_000;
    vi.advanceTimersByTime(1_000);
    const after = store.counts().traces;
    expect(after).toBeGreaterThan(before + 10);

    stopTraffic(world);
    real += 10_000;
    vi.advanceTimersByTime(5_000);
    expect(store.counts().traces).toBe(after);
  });

  it('is the same for the same seed and clock', () => {
    const run = () => {
      const world = new World('000000000000');
      const clock = new SimClock(1, () => T0);
      startTraffic(
        { world, region: 'us-east-1', clock, random: new Random(3) },
        { cluster: 'c', prefillMs: MINUTE },
      );
      const ids = world
        .region('us-east-1')
        .traces.query(0, Infinity, 'TraceId', T0)
        .map((hit) => hit.trace.id);
      stopTraffic(world);
      return ids;
    };
    const first = run();
    expect(first.length).toBeGreaterThan(60);
    expect(run()).toEqual(first);
  });

  it('leaves some traces in progress and puts the demo’s RUNNING web tasks in aws.ecs', () => {
    const simulator = createSimulator({ port: 0, scenario: 'demo' });
    try {
      const state = simulator.world.region('us-east-1');
      const running = [...state.tasks.values()]
        .filter((task) => task.group === 'service:web' && task.lastStatus === 'RUNNING')
        .map((task) => task.arn);
      const traces = state.traces.query(0, Infinity, 'TraceId', simulator.clock.now());
      expect(traces.filter((hit) => traceFacts(hit.trace).isPartial).length).toBeGreaterThan(0);
      // The newest trace whose web segment has arrived (api's can come first).
      const webDocument = traces
        .map((hit) => assembleTrace(hit.trace).segments.find((segment) => segment.name === 'web'))
        .find((segment) => segment !== undefined);
      if (!webDocument) throw new Error('no web segment');
      const taskArn = ((webDocument.aws as JsonObject).ecs as JsonObject).task_arn;
      if (running.length > 0) expect(running).toContain(taskArn);
      else expect(taskArn).toMatch(/:task\/prod-ec2\/[0-9a-f]{32}$/);
    } finally {
      void simulator.stop();
      stopTraffic(simulator.world);
    }
  });
});

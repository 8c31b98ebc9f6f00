import type { TraceDetail, TraceSpan } from '@deckhand/shared';

const hex = (value: number) => value.toString(16).padStart(16, '0');

function span(
  fields: Partial<TraceSpan> & Pick<TraceSpan, 'id' | 'name' | 'start' | 'end'>,
): TraceSpan {
  return {
    kind: 'subsegment',
    namespace: 'local',
    duration: fields.end === undefined ? undefined : fields.end - fields.start,
    inProgress: false,
    inferred: false,
    orphan: false,
    error: false,
    fault: false,
    throttle: false,
    annotations: {},
    depth: 0,
    children: [],
    ...fields,
  };
}

/**
 * A trace of `spans` spans in the bench's shape (bench/web-render.mjs): a root segment with one
 * `call-i` subsegment per service, each calling a `svc-i` segment of `op-j` subsegments. Every
 * 97th op faults.
 */
export function bigTrace(spans = 10_000, services = 199): TraceDetail {
  let counter = 0;
  const id = () => hex((counter += 1));
  const duration = 1000;
  const slot = duration / services;
  const ops = spans - 1 - 2 * services;
  const rootId = id();
  const calls: TraceSpan[] = [];
  for (let i = 0; i < services; i += 1) {
    const callId = id();
    const segmentId = id();
    const start = i * slot;
    const end = (i + 0.9) * slot;
    const count = Math.floor(ops / services) + (i < ops % services ? 1 : 0);
    const step = (0.9 * slot) / count;
    const leaves = Array.from({ length: count }, (_, j) =>
      span({
        id: id(),
        parentId: segmentId,
        name: `op-${j}`,
        service: `svc-${i}`,
        start: start + j * step,
        end: start + (j + 0.8) * step,
        fault: (i * count + j) % 97 === 0,
        depth: 3,
      }),
    );
    const segment = span({
      id: segmentId,
      parentId: callId,
      kind: 'segment',
      name: `svc-${i}`,
      service: `svc-${i}`,
      start,
      end,
      depth: 2,
      children: leaves,
    });
    calls.push(
      span({
        id: callId,
        parentId: rootId,
        name: `call-${i}`,
        service: 'frontend',
        namespace: 'remote',
        http: { method: 'GET', url: `http://svc-${i}.internal/`, traced: true },
        start,
        end,
        depth: 1,
        children: [segment],
      }),
    );
  }
  const root = span({
    id: rootId,
    kind: 'segment',
    name: 'frontend',
    service: 'frontend',
    start: 0,
    end: duration,
    children: calls,
  });
  return {
    id: '1-65a00000-00000000000000000000beef',
    duration,
    limitExceeded: false,
    segments: [root],
    hints: [],
    criticalPath: [rootId],
  };
}

import { describe, expect, it } from 'vitest';
import { buildTask } from '../testing/ecs.js';
import { diagnoseTaskStop } from './stop-diagnosis.js';

const container = (overrides: Record<string, unknown>) => ({
  name: 'app',
  image: 'repo/app:1',
  portMappings: [],
  ...overrides,
});

describe('diagnoseTaskStop', () => {
  it('reads exit 137 as out of memory or killed, naming the container', () => {
    const diagnosis = diagnoseTaskStop(
      buildTask({
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [container({ name: 'sidecar', exitCode: 0 }), container({ exitCode: 137 })],
      }),
    );
    expect(diagnosis.kind).toBe('out-of-memory');
    expect(diagnosis.container).toBe('app');
    expect(diagnosis.summary).toMatch(/exit 137/);
  });

  it("prefers the container's OutOfMemoryError reason when ECS gives one", () => {
    const diagnosis = diagnoseTaskStop(
      buildTask({
        stopCode: 'EssentialContainerExited',
        containers: [
          container({
            exitCode: 137,
            reason: 'OutOfMemoryError: Container killed due to memory usage',
          }),
        ],
      }),
    );
    expect(diagnosis).toMatchObject({ kind: 'out-of-memory', container: 'app' });
    expect(diagnosis.summary).toMatch(/ran out of memory/);
  });

  it('recognises an image that could not be pulled', () => {
    const diagnosis = diagnoseTaskStop(
      buildTask({
        stopCode: 'TaskFailedToStart',
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref repo/app:9: not found',
        containers: [container({})],
      }),
    );
    expect(diagnosis.kind).toBe('image-pull');
  });

  it('tells container and load balancer health check failures apart', () => {
    const containerCheck = diagnoseTaskStop(
      buildTask({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed container health checks',
        containers: [container({ exitCode: 0 })],
      }),
    );
    expect(containerCheck.kind).toBe('health-check');
    expect(containerCheck.summary).toMatch(/container health checks/);
    const elb = diagnoseTaskStop(
      buildTask({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:…)',
        containers: [container({})],
      }),
    );
    expect(elb.summary).toMatch(/load balancer/);
  });

  it('names the essential container that exited with a non-zero code', () => {
    const diagnosis = diagnoseTaskStop(
      buildTask({
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [container({ name: 'worker', exitCode: 1, reason: 'panic' })],
      }),
    );
    expect(diagnosis).toMatchObject({ kind: 'essential-exited', container: 'worker' });
    expect(diagnosis.summary).toContain('exited with code 1 (panic)');
  });

  it('reports placement failures, user stops and scheduler stops in plain words', () => {
    expect(
      diagnoseTaskStop(
        buildTask({
          stopCode: 'TaskFailedToStart',
          stoppedReason: 'RESOURCE:MEMORY',
          containers: [container({})],
        }),
      ).kind,
    ).toBe('placement');
    const user = diagnoseTaskStop(
      buildTask({ stopCode: 'UserInitiated', stoppedReason: 'rolling back', containers: [] }),
    );
    expect(user).toMatchObject({
      kind: 'user-stopped',
      summary: 'Stopped on request: rolling back.',
    });
    expect(
      diagnoseTaskStop(
        buildTask({
          stopCode: 'ServiceSchedulerInitiated',
          stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)',
          containers: [container({ exitCode: 0 })],
        }),
      ).kind,
    ).toBe('scheduler');
  });

  it('falls back to what ECS said, or says that it said nothing', () => {
    expect(diagnoseTaskStop({ containers: [] })).toEqual({
      kind: 'other',
      summary: 'Stopped; ECS gave no reason.',
    });
    expect(diagnoseTaskStop({ stoppedReason: 'Host EC2 terminated', containers: [] }).summary).toBe(
      'Stopped: Host EC2 terminated.',
    );
  });
});

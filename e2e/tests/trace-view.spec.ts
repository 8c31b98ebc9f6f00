import { expect, test, type APIRequestContext } from '../fixtures/test';
import { bigTrace } from '../../apps/web/src/features/traces/testing/big-trace';
import { TracePage } from '../pages/console';

/** The BFF's span shape (packages/shared schemas/traces.ts), only what these tests read. */
interface Span {
  id: string;
  name: string;
  kind: 'segment' | 'subsegment';
  fault: boolean;
  ecsTask?: { cluster: string; taskId: string };
  cause?: { exceptions: { type?: string; stack: unknown[] }[] };
  children: Span[];
}

const HEAVY_DOM = 1_400;

function* walk(spans: readonly Span[]): Generator<Span> {
  for (const span of spans) {
    yield span;
    yield* walk(span.children);
  }
}

/** A faulted segment of the demo that recorded an exception with a stack and ran in ECS. */
async function faultedSegment(request: APIRequestContext) {
  let found: { traceId: string; span: Span; type: string } | undefined;
  // The demo faults steadily; the first answers may come before any fault.
  await expect(async () => {
    const list = (await (await request.get('/api/v1/traces?filter=fault')).json()) as {
      traces: { id: string }[];
    };
    for (const { id } of list.traces.slice(0, 10)) {
      const detail = (await (await request.get(`/api/v1/traces/${id}`)).json()) as {
        trace: { segments: Span[] };
      };
      for (const span of walk(detail.trace.segments)) {
        const exception = span.cause?.exceptions.find((candidate) => candidate.stack.length > 0);
        if (span.kind === 'segment' && span.fault && span.ecsTask && exception?.type) {
          found = { traceId: id, span, type: exception.type };
          return;
        }
      }
    }
    throw new Error('no faulted ECS segment with a stack yet');
  }).toPass({ timeout: 30_000 });
  if (!found) throw new Error('unreachable');
  return found;
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** A 10,000-span trace in the BFF's TraceResponse shape (the web tests' generator). */
function bigTraceResponse(traceId: string) {
  return {
    trace: { ...bigTrace(10_000, 199), id: traceId },
    stale: false,
    asOf: new Date().toISOString(),
  };
}

test.describe('the trace view', () => {
  test("finds a demo fault's exception and jumps to the ECS task that served it", async ({
    page,
    request,
  }) => {
    const { traceId, span, type } = await faultedSegment(request);
    const view = new TracePage(page);
    await view.goto(traceId);
    await expect(view.spans.first()).toBeVisible();

    // The faulted segment's row (a segment's label names no other service), then its details.
    const row = view
      .span(new RegExp(`^${span.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, [^,]+, fault`))
      .first();
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    const details = view.details(span.name);
    const exceptions = details.getByRole('list', { name: 'Exceptions' });
    await expect(exceptions.getByText(new RegExp(`^${type}: `)).first()).toBeVisible();
    await expect(exceptions.getByRole('list', { name: 'Stack frames' }).first()).toBeVisible();

    const taskId = span.ecsTask?.taskId ?? '';
    await details.getByRole('link', { name: `Task ${taskId}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Task ${taskId}` })).toBeVisible();
  });

  test('opens a 10,000-span trace and scrolls it with the DOM under 1,400 nodes', async ({
    page,
  }) => {
    const traceId = `1-${hex(Math.floor(Date.now() / 1000), 8)}-${hex(0xe2e10000, 24)}`;
    const body = JSON.stringify(bigTraceResponse(traceId));
    await page.route(`**/api/v1/traces/${traceId}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const view = new TracePage(page);
    await view.goto(traceId);
    await expect(view.waterfall).toHaveAttribute('data-span-count', '10000');
    await expect(view.span(/^frontend, /)).toBeVisible();
    expect(await view.domNodes()).toBeLessThan(HEAVY_DOM);

    // Down to the end with the keyboard, and with the wheel back up.
    await view.waterfall.focus();
    await page.keyboard.press('End');
    await expect(view.span(/^op-47, svc-198, /)).toBeVisible();
    expect(await view.spans.count()).toBeLessThan(200);
    await view.waterfall.hover();
    for (let step = 0; step < 10; step += 1) await page.mouse.wheel(0, -2_000);
    await expect(view.span(/^op-47, svc-198, /)).toHaveCount(0);
    expect(await view.domNodes()).toBeLessThan(HEAVY_DOM);

    // Search across all 10,000 spans, and jump to a match far down.
    await view.search.fill('op-48');
    await expect(page.getByRole('status').filter({ hasText: /matches$/ })).toHaveText('49 matches');
    await view.search.press('Shift+Enter');
    await expect(view.span(/^op-48, svc-48, /)).toBeVisible();
    expect(await view.domNodes()).toBeLessThan(HEAVY_DOM);
  });
});

import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { expect, test } from '../fixtures/test';
import { TracesPage } from '../pages/console';

/** The e2e console's X-Ray daemon (playwright.config.ts: the simulator's port + 1000). */
const DAEMON_PORT = Number(process.env.E2E_SIM_PORT ?? 14_566) + 1000;

/** Sends one segment document as a real app's X-Ray SDK does: header line, newline, JSON. */
async function sendSegment(segment: Record<string, unknown>): Promise<void> {
  const socket = createSocket('udp4');
  const datagram = Buffer.from(
    `{"format": "json", "version": 1}\n${JSON.stringify(segment)}`,
    'utf8',
  );
  try {
    await new Promise<void>((resolve, reject) => {
      socket.send(datagram, DAEMON_PORT, '127.0.0.1', (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  } finally {
    socket.close();
  }
}

test.describe('trace search', () => {
  test("finds the demo's faults and opens one", async ({ page }) => {
    const traces = new TracesPage(page);
    await traces.goto();
    await traces.search('fault');
    await expect(page).toHaveURL(/filter=fault/);
    // The demo's traffic faults steadily; the first page may come before any fault.
    await expect(async () => {
      await traces.refresh.click();
      await expect(traces.rows.first()).toBeVisible({ timeout: 2_000 });
    }).toPass();
    const firstRow = traces.rows.first();
    await expect(firstRow.getByText('Fault', { exact: true })).toBeVisible();
    await expect(traces.latencyHistogram).toBeVisible();

    const link = firstRow.getByRole('link').first();
    const id = (await link.textContent()) ?? '';
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${id}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(id);
  });

  test('a segment a real app sends to the UDP daemon is found within seconds', async ({ page }) => {
    const name = `e2e-${randomBytes(4).toString('hex')}`;
    const now = Date.now() / 1000;
    const traceId = `1-${Math.floor(now).toString(16)}-${randomBytes(12).toString('hex')}`;
    await sendSegment({
      name,
      id: randomBytes(8).toString('hex'),
      trace_id: traceId,
      start_time: now - 0.25,
      end_time: now,
      http: {
        request: { method: 'GET', url: `http://${name}.local/checkout` },
        response: { status: 200 },
      },
      annotations: { customer: 'gold' },
    });

    const traces = new TracesPage(page);
    await traces.goto('?range=5m');
    await traces.search(`service("${name}")`);
    // The daemon batches and flushes after a second idle: search again until it is indexed.
    await expect(async () => {
      await traces.refresh.click();
      await expect(traces.results.getByRole('link', { name: traceId })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000 });
    await expect(traces.results).toContainText('/checkout');
    await expect(
      traces.results.locator(`[title$="http://${name}.local/checkout"]`).first(),
    ).toBeVisible();
    await expect(traces.results).toContainText('customer=gold');

    // Any pasted form of the id opens the trace.
    await traces.traceId.fill(`X-Amzn-Trace-Id: Root=${traceId};Parent=53995c3f42cd8ad8;Sampled=1`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(traceId);
  });
});

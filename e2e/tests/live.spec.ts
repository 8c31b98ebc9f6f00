import { expect, test } from '../fixtures/test';

test.describe('live operations', () => {
  test('scales a service in the browser and watches tasks start and events arrive without a reload', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/clusters/prod-ec2/services/worker');
    await expect(page.getByRole('heading', { name: 'worker' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Live updates' })).toHaveAttribute(
      'data-state',
      'live',
    );
    const running = page.getByLabel('Running tasks');
    await expect(running).toHaveText('2');
    const events = page.getByTestId('event-item');
    // Each "has started" message names its tasks, so the new one has a text not seen before.
    const started = events.filter({ hasText: /has started \d+ tasks?/ });
    const startedBefore = new Set(await started.allTextContents());
    // A marker that a reload would wipe: everything below must arrive over the live feed.
    await page.evaluate(() => {
      (window as unknown as { deckhandMarker: string }).deckhandMarker = 'still here';
    });

    await page.getByLabel('Desired count').fill('4');
    await page.getByRole('button', { name: 'Scale' }).click();

    await expect(page.getByLabel('Desired tasks')).toHaveText('4');
    // The simulated fleet places, pulls and starts the two new tasks; each poll brings them in.
    await expect(running).toHaveText('4', { timeout: 30_000 });
    await expect
      .poll(
        async () => (await started.allTextContents()).some((text) => !startedBefore.has(text)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await expect(page.getByRole('table', { name: 'Tasks' }).getByRole('row')).toHaveCount(5);
    expect(
      await page.evaluate(() => (window as unknown as { deckhandMarker?: string }).deckhandMarker),
    ).toBe('still here');

    await page.screenshot({ path: '.artifacts/service-live.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  test('asks for the task id before stopping a task, and records the stop with its reason', async ({
    page,
  }) => {
    await page.goto('/clusters/prod-ec2/services/api');
    const tasks = page.getByRole('table', { name: 'Tasks' });
    const stopButton = tasks.getByRole('button', { name: /^Stop task / }).first();
    await expect(stopButton).toBeVisible();
    const label = (await stopButton.getAttribute('aria-label')) ?? '';
    const taskId = label.replace('Stop task ', '');
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);

    await stopButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('e2e: replace a task');
    const confirm = dialog.getByRole('button', { name: 'Confirm stop' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${taskId} to confirm`).fill(taskId);
    await confirm.click();
    await expect(dialog).toBeHidden();

    await page.getByLabel('Show stopped tasks').check();
    const stopped = page.getByRole('table', { name: 'Stopped tasks' });
    await expect(stopped.getByRole('row', { name: new RegExp(taskId.slice(0, 8)) })).toContainText(
      'e2e: replace a task',
      { timeout: 20_000 },
    );
  });

  test('refuses a mutation without the CSRF header, and a destructive one without confirmation', async ({
    request,
  }) => {
    const noHeader = await request.post('/api/v1/clusters/prod-ec2/services/web/scale', {
      data: { desiredCount: 1 },
    });
    expect(noHeader.status()).toBe(403);
    const unconfirmed = await request.post('/api/v1/clusters/prod-ec2/services/web/scale', {
      data: { desiredCount: 0 },
      headers: { 'x-deckhand-request': '1' },
    });
    expect(unconfirmed.status()).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({ error: { code: 'confirmation_required' } });
  });
});

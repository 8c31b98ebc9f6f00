import { expect, test } from '../fixtures/test';

// The task-definition studio against the simulator: build a Fargate task definition in the form,
// meet the lint, fix it with one click, add the X-Ray sidecar, register, and read the diff.
const FAMILY = 'studio-e2e';

test.describe('the task-definition studio', () => {
  test('builds a Fargate task definition in the form, fixes its size, adds X-Ray, registers and diffs it', async ({
    page,
    request,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Revision 1, registered through the API, so the new one has a previous revision to diff.
    const first = await request.post('/api/v1/task-definitions', {
      headers: { 'x-deckhand-request': '1' },
      data: {
        taskDefinition: {
          family: FAMILY,
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '256',
          memory: '512',
          containerDefinitions: [
            {
              name: 'app',
              image: 'public.ecr.aws/nginx/nginx:1.27',
              portMappings: [{ containerPort: 80, protocol: 'tcp' }],
            },
          ],
        },
      },
    });
    expect(first.status()).toBe(200);

    await page.goto('/task-definitions/new');
    await page.getByRole('button', { name: 'Start blank (Fargate)' }).click();
    const form = page.getByRole('region', { name: 'Form' });
    await form.getByLabel('Family', { exact: true }).fill(FAMILY);

    // A size Fargate refuses: set on EC2 terms, then switched back to Fargate.
    await form.getByLabel('FARGATE', { exact: true }).uncheck();
    await form.getByLabel('EC2', { exact: true }).check();
    await form.getByLabel('Task memory', { exact: true }).fill('3000');
    await form.getByLabel('FARGATE', { exact: true }).check();
    await form.getByLabel('EC2', { exact: true }).uncheck();

    const lint = page.getByRole('region', { name: 'Lint' });
    const sizeFinding = lint.getByRole('button', { name: /Fargate/ }).first();
    await expect(sizeFinding).toBeVisible();
    await expect(page.getByRole('button', { name: /Fix \d+ errors? first/ })).toBeVisible();
    await lint
      .getByRole('button', { name: /^Fix: Use / })
      .first()
      .click();
    await expect(lint.getByRole('region', { name: /\berrors?$/ })).toHaveCount(0);
    await expect(form.getByLabel('Task memory', { exact: true })).toHaveValue('3072');

    // The JSON view follows the form.
    const json = page.getByRole('textbox', { name: 'Task definition JSON' });
    await expect(json).toContainText(`"family": "${FAMILY}"`);
    await expect(json).toContainText('"memory": "3072"');

    await page.getByRole('button', { name: 'Helpers' }).click();
    await page.getByRole('menuitem', { name: 'Add X-Ray daemon sidecar' }).click();
    await expect(page.getByRole('status', { name: /X-Ray daemon sidecar added/ })).toBeVisible();
    await expect(form.getByRole('region', { name: 'xray-daemon' })).toBeVisible();
    await expect(json).toContainText('AWS_XRAY_DAEMON_ADDRESS');

    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/task-definitions/${FAMILY}/2$`));
    await expect(page.getByText(`Registered ${FAMILY}:2.`)).toBeVisible();

    await page.getByRole('link', { name: 'Compare with previous revision' }).click();
    await expect(page).toHaveURL(/compare\?from=1&to=2/);
    const changes = page.getByRole('region', { name: 'What changed' });
    await expect(changes.getByRole('region', { name: /xray-daemon/ })).toBeVisible();
    await expect(changes.getByText('cpu/memory').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a pasted describe output (read-only members, nulls) and a pasted Dockerrun v2 file both register; a draft survives a reload', async ({
    page,
  }) => {
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/pasted-web:12',
        family: 'pasted-web',
        revision: 12,
        status: 'ACTIVE',
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        compatibilities: ['EC2'],
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
        registeredAt: '2026-11-20T08:00:00.000Z',
        registeredBy: 'arn:aws:iam::123456789012:user/ci',
        taskRoleArn: null,
        placementConstraints: [],
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx:1.27',
            cpu: 0,
            memoryReservation: 256,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
            environment: [],
            mountPoints: [],
            volumesFrom: [],
            healthCheck: null,
            logConfiguration: { logDriver: 'json-file', options: null },
          },
        ],
        volumes: [],
      },
      tags: [],
    };
    await page.goto('/task-definitions/new');
    await page.getByRole('button', { name: 'Import…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import a task definition' });
    await dialog
      .getByLabel('Task definition or Dockerrun.aws.json to import')
      .fill(JSON.stringify(described, null, 2));
    await dialog.getByRole('button', { name: 'Replace draft' }).click();
    const form = page.getByRole('region', { name: 'Form' });
    await expect(form.getByLabel('Family', { exact: true })).toHaveValue('pasted-web');
    const json = page.getByRole('textbox', { name: 'Task definition JSON' });
    await expect(json).not.toContainText('registeredAt');
    await expect(json).not.toContainText('null');

    // The draft is in the browser: a reload brings it back.
    await expect(page.getByText(/Saved locally/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/Restored your draft from/)).toBeVisible();
    await expect(form.getByLabel('Family', { exact: true })).toHaveValue('pasted-web');

    const lint = page.getByRole('region', { name: 'Lint' });
    await expect(lint.getByRole('region', { name: /\berrors?$/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page).toHaveURL(/\/task-definitions\/pasted-web\/1$/);

    // Elastic Beanstalk's multi-container file becomes a registrable task definition.
    await page.goto('/task-definitions/new');
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await dialog.getByLabel('Task definition or Dockerrun.aws.json to import').fill(
      JSON.stringify({
        AWSEBDockerrunVersion: 2,
        volumes: [{ name: 'static', host: { sourcePath: '/var/app/current/static' } }],
        containerDefinitions: [
          {
            name: 'php-app',
            image: 'php:8.3-fpm',
            memory: 256,
            essential: true,
            mountPoints: [
              { sourceVolume: 'static', containerPath: '/var/www/html' },
              { sourceVolume: 'awseb-logs-php-app', containerPath: '/var/log/php' },
            ],
            logConfiguration: { logDriver: 'json-file' },
          },
        ],
      }),
    );
    await expect(dialog.getByText(/awseb-logs-php-app/).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Replace draft' }).click();
    await form.getByLabel('Family', { exact: true }).fill('eb-php');
    await expect(lint.getByRole('region', { name: /\berrors?$/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page).toHaveURL(/\/task-definitions\/eb-php\/1$/);
  });
});

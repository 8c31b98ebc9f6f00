import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFindings, scanPath, scanText } from '../../scripts/scan-secrets.mjs';
import {
  CAPTURE_FILE,
  expect,
  knownSecretValues,
  recordResponse,
  simulatorCredentials,
  test,
  type APIRequestContext,
  type APIResponse,
  type CapturedResponse,
} from '../fixtures/test';
import {
  AWS_WIRE_LOG,
  E2E_CREDENTIALS,
  LARGE_PORT,
  LOCKED_PORT,
  LOCKED_TOKEN,
  MAIN_PORT,
} from '../playwright.config';

/*
 * Secrets never leave the BFF. Named zz- so it runs last (one worker, files in name order): by
 * then the capture (fixtures/test.ts) holds every API, SSE and error answer of the whole run,
 * and this spec adds its own: both live streams, every kind of error, task definitions with
 * secrets. All of it, and the built SPA, is scanned for the credentials the consoles hold and
 * for the shapes of any AWS secret.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = join(import.meta.dirname, '..', '..');
const main = `http://127.0.0.1:${MAIN_PORT}`;
const locked = `http://127.0.0.1:${LOCKED_PORT}`;
const large = `http://127.0.0.1:${LARGE_PORT}`;
const bearer = { authorization: `Bearer ${LOCKED_TOKEN}` };
const mutation = { 'x-deckhand-request': '1' };
const values = knownSecretValues();

/** Findings in one answer, headers and URL included, as printable lines. */
function leaks(url: string, headers: Record<string, string>, body: string): string[] {
  const text = `${url}\n${JSON.stringify(headers)}\n${body}`;
  return formatFindings(scanText(text, { values, source: url }));
}

async function expectNoLeak(response: APIResponse): Promise<string> {
  const body = await response.text();
  expect(leaks(response.url(), response.headers(), body)).toEqual([]);
  return body;
}

/** Reads a live stream for `ms`, records it in the capture and returns what came. */
async function readStream(url: string, ms: number, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const timer = setTimeout(() => controller.abort(), ms);
  let text = '';
  try {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  const answer = {
    url,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: text,
  };
  recordResponse({ source: 'direct', test: 'zz-secrets › live streams', ...answer });
  return answer;
}

async function desiredCount(request: APIRequestContext, service: string): Promise<number> {
  const response = await request.get(`/api/v1/clusters/prod-ec2/services/${service}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { service: { desiredCount: number } };
  return body.service.desiredCount;
}

test('the browser capture records API answers and live events as a page receives them', async ({
  page,
  request,
}) => {
  await page.goto('/clusters/prod-ec2/services/worker');
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveAttribute(
    'data-state',
    'live',
  );
  // A change made elsewhere reaches the page over its stream: events for the capture.
  const before = await desiredCount(request, 'worker');
  const scaled = await request.post('/api/v1/clusters/prod-ec2/services/worker/scale', {
    data: { desiredCount: before + 1 },
    headers: mutation,
  });
  expect(scaled.status()).toBe(200);
  await expect(page.getByLabel('Desired tasks')).toHaveText(String(before + 1), {
    timeout: 15_000,
  });
  await page.goto('/task-definitions');
  await page.goto('/registry');
  await expect(page.getByRole('heading').first()).toBeVisible();
  await request.post('/api/v1/clusters/prod-ec2/services/worker/scale', {
    data: { desiredCount: before },
    headers: mutation,
  });
});

test('both live streams carry no secret', async ({ request }) => {
  // The streams are read while a scale makes events flow; a simulator console and the `aws` one.
  const reading = Promise.all([
    readStream(`${main}/api/v1/clusters/prod-ec2/events`, 5_000),
    readStream(`${main}/api/v1/clusters/prod-ec2/services/api/events`, 5_000),
    readStream(`${locked}/api/v1/clusters/prod-ec2/events`, 3_000, bearer),
    readStream(`${locked}/api/v1/clusters/prod-ec2/services/api/events`, 3_000, bearer),
  ]);
  const before = await desiredCount(request, 'api');
  await request.post('/api/v1/clusters/prod-ec2/services/api/scale', {
    data: { desiredCount: before + 1 },
    headers: mutation,
  });
  const streams = await reading;
  await request.post('/api/v1/clusters/prod-ec2/services/api/scale', {
    data: { desiredCount: before },
    headers: mutation,
  });
  for (const stream of streams) {
    expect(stream.status, stream.url).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.body, stream.url).toMatch(/^retry: \d+/);
    expect(leaks(stream.url, stream.headers, stream.body)).toEqual([]);
  }
  // Events really flowed on the main console's streams while they were read.
  expect(streams[0]?.body).toMatch(/^data: /m);
  expect(streams[1]?.body).toMatch(/^data: /m);
});

test('error answers carry no secret, no stack and no AWS internals', async ({ request }) => {
  const errors: [string, Promise<APIResponse>, number][] = [
    ['unknown route', request.get('/api/v1/no-such-route'), 404],
    ['unknown cluster (AWS ClusterNotFound)', request.get('/api/v1/clusters/ghost'), 404],
    ['unknown service', request.get('/api/v1/clusters/prod-ec2/services/ghost'), 404],
    ['unknown revision', request.get('/api/v1/task-definitions/storefront-api/9999'), 404],
    ['bad cluster name', request.get('/api/v1/clusters/bad%20name!'), 400],
    ['unknown region', request.get('/api/v1/clusters?region=xx-nowhere-9'), 400],
    [
      'bad JSON',
      request.post('/api/v1/task-definitions/validate', {
        data: '{"taskDefinition":',
        headers: { ...mutation, 'content-type': 'application/json' },
      }),
      400,
    ],
    [
      'CSRF: no x-deckhand-request',
      request.post('/api/v1/clusters/prod-ec2/services/api/scale', {
        data: { desiredCount: 1 },
      }),
      403,
    ],
    [
      'CSRF: cross-site',
      request.post('/api/v1/clusters/prod-ec2/services/api/scale', {
        data: { desiredCount: 1 },
        headers: { ...mutation, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
      403,
    ],
    [
      'lint errors',
      request.post('/api/v1/task-definitions', {
        data: {
          taskDefinition: {
            family: 'e2e-lint',
            requiresCompatibilities: ['FARGATE'],
            networkMode: 'awsvpc',
            cpu: '256',
            memory: '4096',
            containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
          },
        },
        headers: mutation,
      }),
      422,
    ],
    [
      'too large',
      request.post('/api/v1/task-definitions/validate', {
        data: { taskDefinition: { family: 'x'.repeat(2 * 1024 * 1024) } },
        headers: mutation,
      }),
      413,
    ],
    ['no session', request.get(`${locked}/api/v1/clusters`), 401],
    [
      'wrong token',
      request.get(`${locked}/api/v1/clusters`, {
        headers: { authorization: 'Bearer not-the-token-0123456789' },
      }),
      401,
    ],
    [
      'read-only',
      request.post(`${locked}/api/v1/clusters/prod-ec2/services/api/scale`, {
        data: { desiredCount: 1 },
        headers: { ...bearer, ...mutation },
      }),
      403,
    ],
    [
      'unknown cluster on AWS',
      request.get(`${locked}/api/v1/clusters/ghost`, { headers: bearer }),
      404,
    ],
  ];
  for (const [name, pending, status] of errors) {
    const response = await pending;
    expect(response.status(), name).toBe(status);
    const body = await expectNoLeak(response);
    const error = (
      JSON.parse(body) as { error: { code: string; message: string; requestId: string } }
    ).error;
    expect(error.code, name).toEqual(expect.any(String));
    expect(error.requestId, name).toEqual(expect.any(String));
    // Never a stack, never the SDK's or the simulator's internals.
    expect(body, name).not.toMatch(
      /\n\s+at |node_modules|\$metadata|__type|x-amzn-|https?:\/\/127\.0\.0\.1/i,
    );
  }
});

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:e2e/db-password-AbCdEf';
const PARAMETER_ARN = 'arn:aws:ssm:us-east-1:123456789012:parameter/e2e/api-key';
const REGISTRY_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:e2e/registry-Xy12Ab';
/** A value a client might send next to a reference: it must never come back. */
const PLAINTEXT = 'e2e-plaintext-secret-value-that-must-never-return';

const withSecrets = (secret: Record<string, string>) => ({
  family: 'e2e-secrets',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'app',
      image: 'private.example.com/team/app:1.0',
      essential: true,
      repositoryCredentials: { credentialsParameter: REGISTRY_ARN },
      secrets: [secret, { name: 'API_KEY', valueFrom: PARAMETER_ARN }],
    },
  ],
});

/** Every `secrets` entry anywhere in a JSON document. */
function secretEntries(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(secretEntries);
  if (json === null || typeof json !== 'object') return [];
  return Object.entries(json).flatMap(([key, member]) =>
    key === 'secrets' && Array.isArray(member) ? (member as unknown[]) : secretEntries(member),
  );
}
const onlyReferences = (entry: unknown) =>
  entry !== null &&
  typeof entry === 'object' &&
  Object.keys(entry).sort().join() === 'name,valueFrom';

test('task definitions return secret references, never values', async ({ request }) => {
  // Registered, read back, validated: only `valueFrom` and `credentialsParameter` references.
  const registered = await request.post('/api/v1/task-definitions', {
    data: { taskDefinition: withSecrets({ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }) },
    headers: mutation,
  });
  expect(registered.status(), await registered.text()).toBe(200);
  const { taskDefinition } = (await registered.json()) as { taskDefinition: { revision: number } };
  const read = await request.get(`/api/v1/task-definitions/e2e-secrets/${taskDefinition.revision}`);
  expect(read.status()).toBe(200);
  await expectNoLeak(read);
  const [container] = (
    (await read.json()) as {
      taskDefinition: { containerDefinitions: Record<string, unknown>[] };
    }
  ).taskDefinition.containerDefinitions;
  expect(secretEntries(await registered.json()).every(onlyReferences)).toBe(true);
  expect(container?.secrets).toEqual([
    { name: 'DB_PASSWORD', valueFrom: SECRET_ARN },
    { name: 'API_KEY', valueFrom: PARAMETER_ARN },
  ]);
  expect(container?.repositoryCredentials).toEqual({ credentialsParameter: REGISTRY_ARN });

  // Validation hands the document back normalised: references only, nothing added.
  const validated = await request.post('/api/v1/task-definitions/validate', {
    data: { taskDefinition: withSecrets({ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }) },
    headers: mutation,
  });
  expect(validated.status()).toBe(200);
  await expectNoLeak(validated);
  const validatedSecrets = secretEntries(await validated.json());
  expect(validatedSecrets.length).toBeGreaterThan(0);
  expect(validatedSecrets.every(onlyReferences)).toBe(true);

  // A value smuggled next to a reference is refused, not stored, and the refusal does not echo
  // it. (Validation may hand the caller's own document back with it, flagged as no ECS member.)
  const smuggled = withSecrets({ name: 'DB_PASSWORD', valueFrom: SECRET_ARN, value: PLAINTEXT });
  const refused = await request.post('/api/v1/task-definitions', {
    data: { taskDefinition: smuggled },
    headers: mutation,
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).not.toContain(PLAINTEXT);
  const revisions = await request.get('/api/v1/task-definitions/e2e-secrets/revisions');
  for (const { revision } of ((await revisions.json()) as { revisions: { revision: number }[] })
    .revisions) {
    const body = await (
      await request.get(`/api/v1/task-definitions/e2e-secrets/${revision}`)
    ).text();
    expect(body).not.toContain(PLAINTEXT);
  }

  // The demo's tasks run definitions with SSM secrets: their detail names no secret at all.
  const tasks = await request.get('/api/v1/clusters/prod-ec2/tasks?service=api');
  const [task] = ((await tasks.json()) as { tasks: { id: string }[] }).tasks;
  expect(task).toBeDefined();
  const detail = await request.get(`/api/v1/clusters/prod-ec2/tasks/${task?.id ?? ''}`);
  expect(detail.status()).toBe(200);
  const detailBody = await expectNoLeak(detail);
  expect(detailBody).not.toMatch(/"secrets"|"value"\s*:/);

  // No way to read a secret's value exists: no Secrets Manager or SSM client, no such call.
  const bff = join(ROOT, 'apps', 'bff');
  const manifest = readFileSync(join(bff, 'package.json'), 'utf8');
  expect(manifest).not.toMatch(/client-(secrets-manager|ssm)\b/);
  const bundle = readFileSync(join(bff, 'dist', 'server.js'), 'utf8');
  expect(bundle).not.toMatch(
    /client-secrets-manager|client-ssm\b|SecretsManagerClient|SSMClient|GetSecretValue|GetParameters?(ByPath)?Command/,
  );
});

test('the locked console signs its AWS calls with the credentials this spec looks for', async ({
  request,
}) => {
  // Something for the `aws` console to ask AWS, with its session.
  const clusters = await request.get(`${locked}/api/v1/clusters`, { headers: bearer });
  expect(clusters.status()).toBe(200);
  await expectNoLeak(clusters);
  await expectNoLeak(await request.get(`${large}/api/v1/health`));
  expect(existsSync(AWS_WIRE_LOG), AWS_WIRE_LOG).toBe(true);
  const calls = readFileSync(AWS_WIRE_LOG, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { keyId: string | null; securityToken: string | null });
  const signed = calls.filter((call) => call.keyId === E2E_CREDENTIALS.locked.AWS_ACCESS_KEY_ID);
  expect(signed.length).toBeGreaterThan(0);
  expect(signed.length).toBe(calls.filter((call) => call.keyId).length);
  expect(
    signed.every((call) => call.securityToken === E2E_CREDENTIALS.locked.AWS_SESSION_TOKEN),
  ).toBe(true);
  // The simulator consoles sign with the literal credentials of server.ts: those are scanned too.
  expect(simulatorCredentials().length).toBeGreaterThanOrEqual(2);
});

test('no secret in any answer of the run, nor in the built console', () => {
  const entries = readFileSync(CAPTURE_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedResponse);
  // An empty or one-sided capture proves nothing: this spec alone adds each kind below.
  const bySource = (source: CapturedResponse['source']) =>
    entries.filter((entry) => entry.source === source).length;
  expect(entries.length).toBeGreaterThanOrEqual(40);
  expect(bySource('browser')).toBeGreaterThanOrEqual(5);
  expect(bySource('browser-sse')).toBeGreaterThanOrEqual(1);
  expect(bySource('request')).toBeGreaterThanOrEqual(20);
  expect(bySource('direct')).toBeGreaterThanOrEqual(4);
  expect(entries.some((entry) => entry.status >= 400)).toBe(true);
  for (const port of [MAIN_PORT, LOCKED_PORT, LARGE_PORT])
    expect(
      entries.some((entry) => entry.url.includes(`:${port}/`)),
      `port ${port}`,
    ).toBe(true);

  const found = entries.flatMap((entry) => [
    ...leaks(entry.url, entry.headers, entry.body).map((line) => `[${entry.test}] ${line}`),
    ...formatFindings(entry.findings ?? []).map((line) => `[${entry.test}] ${line}`),
  ]);
  expect(found).toEqual([]);

  const dist = join(ROOT, 'apps', 'web', 'dist');
  const bundle = scanPath(dist, { values });
  expect(bundle.files).toBeGreaterThanOrEqual(5);
  expect(formatFindings(bundle.findings)).toEqual([]);
});

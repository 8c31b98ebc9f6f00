import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsServices } from '../modules/ecs-routes.js';
import { startSimulatedAws, type SimulatedAws } from '../testing/simulated-aws.js';
import { buildTestApp } from '../testing/test-app.js';

// ECS keeps only references to secrets (`valueFrom`, `credentialsParameter`); the values live in
// Secrets Manager or SSM, which Deckhand never asks. Every read route must hand back the
// references as registered and nothing else, and no code path may fetch a value.
const REGION = 'us-east-1';
const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:123456789012:secret:prod/db-password-AbCdEf`;
const PARAMETER_ARN = `arn:aws:ssm:${REGION}:123456789012:parameter/prod/api-key`;
const REGISTRY_ARN = `arn:aws:secretsmanager:${REGION}:123456789012:secret:registry-Xy12Ab`;
const SECRETS = [
  { name: 'DB_PASSWORD', valueFrom: SECRET_ARN },
  { name: 'API_KEY', valueFrom: PARAMETER_ARN },
];

let env: SimulatedAws;
let revision: number;
let taskId: string;

beforeAll(async () => {
  env = await startSimulatedAws();
  const ecs = env.aws.clients.ecs(REGION);
  const registered = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'secrets-probe',
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
          secrets: SECRETS,
        },
      ],
    }),
  );
  revision = registered.taskDefinition?.revision ?? 0;
  const run = await ecs.send(
    new RunTaskCommand({
      cluster: 'prod-fargate',
      taskDefinition: `secrets-probe:${revision}`,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], assignPublicIp: 'DISABLED' },
      },
    }),
  );
  taskId = run.tasks?.[0]?.taskArn?.split('/').pop() ?? '';
});
afterAll(() => env.stop());

const app = () => buildTestApp({ ecs: createEcsServices(env.aws.ecs) });

/** Every `secrets` entry anywhere in a JSON document. */
function secretEntries(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(secretEntries);
  if (json === null || typeof json !== 'object') return [];
  return Object.entries(json).flatMap(([key, member]) =>
    key === 'secrets' && Array.isArray(member) ? (member as unknown[]) : secretEntries(member),
  );
}

describe('secrets in task definitions', () => {
  it('reads a revision with its references exactly as registered, and nothing more', async () => {
    expect(revision).toBeGreaterThan(0);
    const response = await request(app())
      .get(`/api/v1/task-definitions/secrets-probe/${revision}`)
      .expect(200);
    expect(secretEntries(response.body)).toEqual(SECRETS);
    const [container] = (
      response.body as { taskDefinition: { containerDefinitions: Record<string, unknown>[] } }
    ).taskDefinition.containerDefinitions;
    expect(container?.repositoryCredentials).toEqual({ credentialsParameter: REGISTRY_ARN });
  });

  it('validates a definition with secrets and returns references only', async () => {
    const described = await request(app())
      .get(`/api/v1/task-definitions/secrets-probe/${revision}`)
      .expect(200);
    const response = await request(app())
      .post('/api/v1/task-definitions/validate')
      .set('x-deckhand-request', '1')
      .send({ taskDefinition: (described.body as { taskDefinition: unknown }).taskDefinition })
      .expect(200);
    expect(secretEntries(response.body)).toEqual(SECRETS);
  });

  it('shows a task of that definition without any secret', async () => {
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);
    const response = await request(app())
      .get(`/api/v1/clusters/prod-fargate/tasks/${taskId}`)
      .expect(200);
    expect(JSON.stringify(response.body)).toContain(`secrets-probe:${revision}`);
    expect(secretEntries(response.body)).toEqual([]);
    expect(JSON.stringify(response.body)).not.toMatch(/secretsmanager|:ssm:|"value"\s*:/);
  });
});

describe('no way to read a secret value', () => {
  const bff = join(import.meta.dirname, '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    );
  const FORBIDDEN =
    /@aws-sdk\/client-(secrets-manager|ssm)\b|SecretsManagerClient|SSMClient|GetSecretValue|GetParameters?(ByPath)?Command/;

  it('has no Secrets Manager or SSM client among its dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(bff, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(names.filter((name) => /client-(secrets-manager|ssm)$/.test(name))).toEqual([]);
  });

  it('never names GetSecretValue, GetParameter or their clients in its code', () => {
    const files = sources(join(bff, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

import {
  ConvertDockerrunResponse,
  ConvertTaskDefinitionResponse,
  ErrorBody,
  ValidateTaskDefinitionResponse,
} from '@deckhand/shared';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing/test-app.js';

// The studio's lint and conversion routes through the real middleware chain (CSRF guard, JSON
// parser, error middleware). They never call AWS, so they work in read-only mode too.
const post = (app: ReturnType<typeof buildTestApp>, path: string, body: unknown) =>
  request(app)
    .post(`/api/v1${path}`)
    .set('content-type', 'application/json')
    .set('x-deckhand-request', '1')
    .send(JSON.stringify(body));

const fargate = {
  family: 'shop-web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.4.2',
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/shop-web',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'ecs',
        },
      },
    },
  ],
};

describe('POST /task-definitions/validate', () => {
  it('answers no errors for a valid Fargate task definition', async () => {
    const response = await post(buildTestApp(), '/task-definitions/validate', {
      taskDefinition: fargate,
    }).expect(200);
    const body = ValidateTaskDefinitionResponse.parse(response.body);
    expect(body.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(body.shape).toBe('register-input');
  });

  it('finds an invalid Fargate size, with its path and a fix to the nearest valid one', async () => {
    const response = await post(buildTestApp(), '/task-definitions/validate', {
      taskDefinition: { ...fargate, cpu: '256', memory: '4096' },
    }).expect(200);
    const body = ValidateTaskDefinitionResponse.parse(response.body);
    const sizing = body.findings.find(
      (finding) => finding.severity === 'error' && finding.path.match(/^(cpu|memory)$/),
    );
    expect(sizing?.fix?.operations.length).toBeGreaterThan(0);
    expect(sizing?.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('unwraps describe output, drops read-only members and nulls, and says so', async () => {
    const response = await post(buildTestApp(), '/task-definitions/validate', {
      taskDefinition: {
        taskDefinition: {
          ...fargate,
          taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop-web:3',
          revision: 3,
          status: 'ACTIVE',
          taskRoleArn: null,
        },
        tags: [],
      },
    }).expect(200);
    const body = ValidateTaskDefinitionResponse.parse(response.body);
    expect(body.shape).toBe('describe-output');
    expect(body.taskDefinition).not.toHaveProperty('revision');
    expect(body.taskDefinition).not.toHaveProperty('taskRoleArn');
    const kinds = new Set(body.notes.map((note) => note.kind));
    expect(kinds.has('read-only-removed')).toBe(true);
    expect(kinds.has('null-removed')).toBe(true);
  });

  it('warns about a static host port only when told the service sits behind a load balancer', async () => {
    const bridge = {
      family: 'legacy',
      networkMode: 'bridge',
      containerDefinitions: [
        {
          name: 'admin',
          image: 'nginx:1.27',
          memory: 256,
          portMappings: [{ containerPort: 80, hostPort: 8080 }],
          logConfiguration: { logDriver: 'json-file' },
        },
      ],
    };
    const ids = async (behindLoadBalancer: boolean) =>
      ValidateTaskDefinitionResponse.parse(
        (
          await post(buildTestApp(), '/task-definitions/validate', {
            taskDefinition: bridge,
            behindLoadBalancer,
          }).expect(200)
        ).body,
      ).findings.map((finding) => finding.path);
    expect(await ids(true)).toContain('containerDefinitions[0].portMappings[0].hostPort');
    expect(await ids(false)).not.toContain('containerDefinitions[0].portMappings[0].hostPort');
  });

  it('answers a clear 400 for what is no task definition at all', async () => {
    for (const taskDefinition of [42, 'web', [], { AWSEBDockerrunVersion: 2 }]) {
      const response = await post(buildTestApp(), '/task-definitions/validate', {
        taskDefinition,
      });
      expect(response.status).toBe(400);
      expect(ErrorBody.parse(response.body).error.message).toMatch(/^taskDefinition: /);
    }
    const missing = await post(buildTestApp(), '/task-definitions/validate', {}).expect(400);
    expect(ErrorBody.parse(missing.body).error.message).toContain('taskDefinition');
  });

  it('works in read-only mode but keeps the CSRF rule', async () => {
    const app = buildTestApp({
      info: { mode: 'simulator', regions: ['us-east-1'], readOnly: true, version: '9.9.9' },
    });
    await post(app, '/task-definitions/validate', { taskDefinition: fargate }).expect(200);
    await request(app)
      .post('/api/v1/task-definitions/validate')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ taskDefinition: fargate }))
      .expect(403);
  });
});

describe('POST /convert/dockerrun and /convert/taskdef-to-dockerrun', () => {
  const dockerrun = {
    AWSEBDockerrunVersion: 2,
    volumes: [{ name: 'static', host: { sourcePath: '/var/app/current/static' } }],
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        memory: 128,
        essential: true,
        portMappings: [{ hostPort: 80, containerPort: 80 }],
        mountPoints: [
          { sourceVolume: 'static', containerPath: '/usr/share/nginx/html', readOnly: true },
          { sourceVolume: 'awseb-logs-web', containerPath: '/var/log/nginx' },
        ],
      },
    ],
  };

  it('turns a Dockerrun v2 file into a bridge EC2 task definition that lints without errors', async () => {
    const app = buildTestApp();
    const response = await post(app, '/convert/dockerrun', { dockerrun, family: 'eb-web' }).expect(
      200,
    );
    const body = ConvertDockerrunResponse.parse(response.body);
    expect(body.taskDefinition).toMatchObject({ family: 'eb-web', networkMode: 'bridge' });
    expect(JSON.stringify(body.taskDefinition.volumes)).toContain('awseb-logs-web');
    const lint = ValidateTaskDefinitionResponse.parse(
      (
        await post(app, '/task-definitions/validate', {
          taskDefinition: body.taskDefinition,
        }).expect(200)
      ).body,
    );
    expect(lint.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('takes the file as text too, and refuses v1 and typos with a message saying why', async () => {
    const app = buildTestApp();
    await post(app, '/convert/dockerrun', { dockerrun: JSON.stringify(dockerrun) }).expect(200);
    const v1 = await post(app, '/convert/dockerrun', {
      dockerrun: { AWSEBDockerrunVersion: '1', Image: { Name: 'nginx' } },
    }).expect(400);
    expect(ErrorBody.parse(v1.body).error.message).toMatch(/version 1|v1|"1"/i);
    const typo = await post(app, '/convert/dockerrun', {
      dockerrun: { AWSEBDockerrunVersion: 2, containerDefintions: [] },
    }).expect(400);
    expect(ErrorBody.parse(typo.body).error.message).toContain('containerDefinitions');
  });

  it('exports a task definition to Dockerrun v2 and lists what it dropped', async () => {
    const response = await post(buildTestApp(), '/convert/taskdef-to-dockerrun', {
      taskDefinition: { ...fargate, taskRoleArn: 'arn:aws:iam::123456789012:role/web' },
    }).expect(200);
    const body = ConvertTaskDefinitionResponse.parse(response.body);
    expect(body.dockerrun).toMatchObject({ AWSEBDockerrunVersion: 2 });
    expect(body.notes.some((note) => note.kind === 'dropped' && note.path === 'taskRoleArn')).toBe(
      true,
    );
  });
});

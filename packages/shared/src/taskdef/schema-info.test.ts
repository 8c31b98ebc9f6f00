import { describe, expect, it } from 'vitest';
import { fieldAt, membersAt, unknownFields } from './schema-info.js';

const names = (fields: readonly { name: string }[] | undefined) => fields?.map((f) => f.name);

describe('membersAt', () => {
  it('lists the top-level members at the root, with types and required flags', () => {
    const root = membersAt([]);
    expect(names(root)).toEqual(
      expect.arrayContaining(['family', 'containerDefinitions', 'volumes', 'cpu', 'tags']),
    );
    const family = root?.find((f) => f.name === 'family');
    expect(family).toMatchObject({ type: 'string', required: true });
    expect(family?.doc).toMatch(/family/);
    expect(root?.find((f) => f.name === 'containerDefinitions')).toMatchObject({
      type: 'array',
      items: 'object',
      required: true,
    });
    expect(root?.find((f) => f.name === 'networkMode')?.enum).toEqual([
      'bridge',
      'host',
      'awsvpc',
      'none',
    ]);
    expect(root?.find((f) => f.name === 'requiresCompatibilities')).toMatchObject({
      type: 'array',
      items: 'string',
      enum: expect.arrayContaining(['EC2', 'FARGATE']) as unknown,
    });
  });

  it('passes array indices through lists', () => {
    const container = membersAt(['containerDefinitions', 0]);
    expect(names(container)).toEqual(
      expect.arrayContaining(['name', 'image', 'portMappings', 'healthCheck', 'dependsOn']),
    );
    const fields = new Map(container?.map((f) => [f.name, f]));
    expect(fields.get('memory')).toMatchObject({ type: 'integer', required: false });
    expect(fields.get('essential')?.type).toBe('boolean');
    expect(fields.get('dockerLabels')?.type).toBe('map');
    expect(fields.get('healthCheck')?.type).toBe('object');
    expect(names(membersAt(['containerDefinitions', 3, 'portMappings', 1]))).toEqual(
      expect.arrayContaining(['containerPort', 'hostPort', 'protocol']),
    );
    expect(membersAt(['containerDefinitions', 0, 'healthCheck'])?.[0]).toMatchObject({
      name: 'command',
      required: true,
      type: 'array',
      items: 'string',
    });
    expect(
      names(membersAt(['volumes', 0, 'efsVolumeConfiguration', 'authorizationConfig'])),
    ).toEqual(['accessPointId', 'iam']);
  });

  it('is undefined where the model has no object', () => {
    expect(membersAt(['family'])).toBeUndefined();
    expect(membersAt(['containerDefinitions'])).toBeUndefined();
    expect(membersAt(['containerDefinitions', 'name'])).toBeUndefined();
    expect(membersAt(['containerDefinitions', 0, 'dockerLabels'])).toBeUndefined();
    expect(membersAt(['nope'])).toBeUndefined();
    expect(membersAt(['__proto__'])).toBeUndefined();
    expect(membersAt(['containerDefinitions', 0, 'constructor'])).toBeUndefined();
  });
});

describe('fieldAt', () => {
  it('describes the member a path names', () => {
    expect(fieldAt(['containerDefinitions', 0, 'portMappings', 0, 'containerPort'])).toMatchObject({
      name: 'containerPort',
      type: 'integer',
      required: false,
    });
    expect(fieldAt(['containerDefinitions', 0, 'ulimits', 0, 'name'])).toMatchObject({
      name: 'name',
      type: 'string',
      required: true,
      enum: expect.arrayContaining(['nofile', 'core']) as unknown,
    });
    expect(fieldAt(['volumes', 0, 'configuredAtLaunch'])?.type).toBe('boolean');
    expect(fieldAt(['ephemeralStorage', 'sizeInGiB'])).toMatchObject({ required: true });
  });

  it('describes array elements by their element shape, and map values by their key', () => {
    expect(fieldAt(['containerDefinitions', 2])).toMatchObject({
      name: 'containerDefinitions',
      type: 'object',
    });
    expect(fieldAt(['containerDefinitions', 0, 'command', 1])).toMatchObject({
      name: 'command',
      type: 'string',
    });
    expect(fieldAt(['containerDefinitions', 0, 'dockerLabels', 'com.example.team'])).toMatchObject({
      name: 'com.example.team',
      type: 'string',
      required: false,
    });
  });

  it('is undefined for the root and for what the model does not know', () => {
    expect(fieldAt([])).toBeUndefined();
    expect(fieldAt(['containerDefinition'])).toBeUndefined();
    expect(fieldAt(['containerDefinitions', 0, 'imag'])).toBeUndefined();
    expect(fieldAt(['family', 'x'])).toBeUndefined();
    expect(fieldAt(['containerDefinitions', 'x'])).toBeUndefined();
    expect(fieldAt(['toString'])).toBeUndefined();
    expect(fieldAt(['__proto__'])).toBeUndefined();
  });
});

describe('unknownFields', () => {
  it('finds members the model does not know, at every level', () => {
    expect(
      unknownFields({
        family: 'web',
        famly: 'typo',
        containerDefinitions: [
          { name: 'a', image: 'a', Image: 'b' },
          {
            name: 'b',
            portMappings: [{ containerPort: 80, hostport: 80 }],
            healthCheck: { command: ['CMD', 'true'], intervalSeconds: 5 },
            logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } },
          },
        ],
        volumes: [{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs', encrypted: true } }],
        'odd key': 1,
      }),
    ).toEqual([
      'famly',
      'containerDefinitions[0].Image',
      'containerDefinitions[1].portMappings[0].hostport',
      'containerDefinitions[1].healthCheck.intervalSeconds',
      'volumes[0].efsVolumeConfiguration.encrypted',
      '["odd key"]',
    ]);
  });

  it('treats map contents as free-form and a clean document as clean', () => {
    expect(
      unknownFields({
        family: 'web',
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx',
            dockerLabels: { 'com.example.team': 'x', anything: 'y' },
            logConfiguration: { logDriver: 'awslogs', options: { whatever: 'z' } },
            firelensConfiguration: {
              type: 'fluentbit',
              options: { 'enable-ecs-log-metadata': 'true' },
            },
          },
        ],
        volumes: [
          { name: 'd', dockerVolumeConfiguration: { driverOpts: { a: 'b' }, labels: { c: 'd' } } },
        ],
      }),
    ).toEqual([]);
  });

  it('reports read-only describe members, does not walk values of the wrong kind, and never throws', () => {
    expect(unknownFields({ revision: 3, containerDefinitions: 'nope', volumes: { a: 1 } })).toEqual(
      ['revision'],
    );
    expect(unknownFields(JSON.parse('{"__proto__": {"x": 1}, "family": "a"}'))).toEqual([
      '__proto__',
    ]);
    for (const value of [null, undefined, 1, 'x', [], [{ a: 1 }], true]) {
      expect(unknownFields(value)).toEqual([]);
    }
  });
});

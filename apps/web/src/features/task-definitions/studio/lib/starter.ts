import type { JsonObject } from '@deckhand/shared/taskdef';

/**
 * "Start blank (Fargate)": the smallest task definition Fargate registers (0.25 vCPU, 512 MiB,
 * awsvpc, one essential container), for the user to rename and fill in.
 */
export function fargateStarter(): JsonObject {
  return {
    family: 'my-app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    containerDefinitions: [
      {
        name: 'app',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      },
    ],
  };
}

/** The studio's text of a document: what the JSON view shows and the form re-serialises to. */
export function toText(document: unknown): string {
  return JSON.stringify(document, null, 2);
}

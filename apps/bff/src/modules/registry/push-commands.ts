import {
  type ContainerTool,
  parseEcrRegistry,
  type PushCommandSet,
  type PushCommandsResponse,
} from '@deckhand/shared';

export interface PushCommandsInput {
  /** The repository name, e.g. `team/web`. */
  repository: string;
  /** `ACCOUNT.dkr.ecr.REGION.amazonaws.com/team/web`. */
  uri: string;
  registryId: string;
  /** The region the repository was read in; the URI's own region wins when it names one. */
  region: string;
  tag: string;
}

function commandsFor(
  tool: ContainerTool,
  input: { repository: string; uri: string; registry: string; region: string; tag: string },
): PushCommandSet {
  const local = `${input.repository}:${input.tag}`;
  const remote = `${input.uri}:${input.tag}`;
  return {
    // `aws ecr get-login` is gone from AWS CLI v2; the password goes through stdin, never argv.
    login: `aws ecr get-login-password --region ${input.region} | ${tool} login --username AWS --password-stdin ${input.registry}`,
    build: `${tool} build -t ${local} .`,
    tag: `${tool} tag ${local} ${remote}`,
    push: `${tool} push ${remote}`,
    pull: `${tool} pull ${remote}`,
  };
}

/**
 * Login, build, tag, push and pull commands for Docker, Podman and Finch, with the registry's
 * account and region filled in (from the repository URI, else its registry id and the region it
 * was read in). Names and tags are validated upstream, so nothing needs shell quoting.
 */
export function buildPushCommands(input: PushCommandsInput): PushCommandsResponse {
  const slash = input.uri.indexOf('/');
  const registry = slash === -1 ? input.uri : input.uri.slice(0, slash);
  const ecr = parseEcrRegistry(registry);
  const region = ecr?.region ?? input.region;
  const accountId = ecr?.accountId ?? input.registryId;
  const context = {
    repository: input.repository,
    uri: input.uri,
    registry,
    region,
    tag: input.tag,
  };
  return {
    repository: input.repository,
    uri: input.uri,
    registry,
    region,
    accountId,
    tag: input.tag,
    commands: {
      docker: commandsFor('docker', context),
      podman: commandsFor('podman', context),
      finch: commandsFor('finch', context),
    },
  };
}

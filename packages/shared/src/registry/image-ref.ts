/**
 * Container image references as Docker and ECS read them:
 * `[registry/]repository[:tag][@digest]`, where the registry is the first path component only
 * when it looks like a host (has a `.` or a `:`, or is `localhost`), and a reference with
 * neither tag nor digest means `:latest`.
 */
export interface ImageReference {
  /** Lowercased host (with port); undefined for Docker Hub short names (`nginx`, `team/app`). */
  registry?: string;
  repository: string;
  /** As written; undefined when the reference has no tag. */
  tag?: string;
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Parses an image reference; undefined for anything that is not one. */
export function parseImageReference(value: string): ImageReference | undefined {
  const reference = value.trim();
  if (reference === '') return undefined;
  const at = reference.indexOf('@');
  const name = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;

  // The tag separator is a colon after the last slash; earlier colons belong to a registry port.
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const path = colon === -1 ? name : name.slice(0, colon);
  const tag = colon === -1 ? undefined : name.slice(colon + 1);
  if (tag !== undefined && !TAG.test(tag)) return undefined;

  const components = path.split('/');
  const first = components[0];
  let registry: string | undefined;
  if (components.length > 1 && first !== undefined && looksLikeHost(first)) {
    registry = first.toLowerCase();
    components.shift();
  }
  if (components.length === 0 || !components.every((part) => PATH_COMPONENT.test(part))) {
    return undefined;
  }
  return {
    ...(registry === undefined ? {} : { registry }),
    repository: components.join('/'),
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** The tag a reference resolves through: its own, `latest` when it has neither tag nor digest, none when pinned by digest only. */
export function effectiveTag(reference: ImageReference): string | undefined {
  if (reference.tag !== undefined) return reference.tag;
  return reference.digest === undefined ? 'latest' : undefined;
}

export interface EcrRegistry {
  accountId: string;
  region: string;
}

/**
 * The account and region of an ECR registry host, in each of its spellings:
 * `ACCOUNT.dkr.ecr.REGION.amazonaws.com` (`.cn` in China, `ecr-fips` for FIPS) and the
 * dual-stack `ACCOUNT.dkr-ecr.REGION.on.aws`. Undefined for any other host.
 */
export function parseEcrRegistry(host: string): EcrRegistry | undefined {
  const match =
    /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(
      host.toLowerCase(),
    ) ?? /^(\d{12})\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/.exec(host.toLowerCase());
  const [, accountId, region] = match ?? [];
  return accountId && region ? { accountId, region } : undefined;
}

/** Whether two registry hosts are the same registry (an ECR registry under any of its names). */
export function sameRegistry(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const ecrA = parseEcrRegistry(a);
  const ecrB = parseEcrRegistry(b);
  return (
    ecrA !== undefined &&
    ecrB !== undefined &&
    ecrA.accountId === ecrB.accountId &&
    ecrA.region === ecrB.region
  );
}

/** Whether a reference names the repository at `repositoryUri` (`host/path`), whatever its tag or digest. */
export function refersToRepository(reference: ImageReference, repositoryUri: string): boolean {
  const repository = parseImageReference(repositoryUri);
  return (
    repository !== undefined &&
    repository.repository === reference.repository &&
    sameRegistry(repository.registry, reference.registry)
  );
}

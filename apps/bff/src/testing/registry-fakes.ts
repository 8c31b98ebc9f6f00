import { NotFoundError } from '../http/errors.js';
import type { EksService } from '../modules/eks/eks.service.js';
import type { RegistryService } from '../modules/registry/registry.service.js';

const fresh = () => ({ stale: false, asOf: new Date(0).toISOString() });
const missing = (name: string) =>
  Promise.reject(new NotFoundError(`Reading repository ${name}: not found`));

/** A registry with no repositories: lists are empty, anything named is a 404. */
export function emptyRegistry(overrides: Partial<RegistryService> = {}): RegistryService {
  return {
    listRepositories: () => Promise.resolve({ repositories: [], ...fresh() }),
    getRepository: (_region, name) => missing(name),
    listImages: (_region, name) => missing(name),
    getScanFindings: (_region, name) => missing(name),
    getPushCommands: (_region, name) => missing(name),
    getRepositoryPolicy: (_region, name) => missing(name),
    getLifecyclePolicy: (_region, name) => missing(name),
    ...overrides,
  };
}

/** A region without EKS clusters. */
export function emptyEks(overrides: Partial<EksService> = {}): EksService {
  return {
    listClusters: () => Promise.resolve({ clusters: [], ...fresh() }),
    ...overrides,
  };
}

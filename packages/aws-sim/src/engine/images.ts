import { createHash } from 'node:crypto';
import type { RegionState } from './region-state.js';

/**
 * The digest a task's container reports for its image. An image of this account's ECR registry
 * in this region resolves through the repository (so it matches DescribeImages, and a task
 * started before a tag moved keeps the old digest); anything else gets a digest derived from
 * its name, stable from run to run.
 */
export function resolveImageDigest(state: RegionState, image: string): string {
  const host = `${state.accountId}.dkr.ecr.${state.region}.amazonaws.com/`;
  if (image.startsWith(host)) {
    const reference = image.slice(host.length);
    const at = reference.indexOf('@');
    if (at !== -1) return reference.slice(at + 1);
    const colon = reference.lastIndexOf(':');
    const name = colon === -1 ? reference : reference.slice(0, colon);
    const tag = colon === -1 ? 'latest' : reference.slice(colon + 1);
    const repository = state.ecrRepositories.get(name);
    if (repository) {
      for (const record of repository.images.values())
        if (record.tags.includes(tag)) return record.digest;
    }
  }
  return `sha256:${createHash('sha256').update(image).digest('hex')}`;
}

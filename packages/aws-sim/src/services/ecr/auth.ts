import { randomBytes } from 'node:crypto';
import { epochSeconds, stringList } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { invalidEcrParameter } from './errors.js';
import { registryHost } from './model.js';

/** Registry tokens last 12 hours. */
const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
const REGISTRY_ID = /^[0-9]{12}$/;

/**
 * A docker password shaped like ECR's: base64 of an encrypted-envelope JSON. Made from
 * node:crypto, not the simulator's seeded Random: a token is a secret, and clients logging in
 * must not shift the fleet's random history.
 */
function password(expiresAt: number): string {
  const envelope = {
    payload: randomBytes(384).toString('base64'),
    datakey: randomBytes(184).toString('base64'),
    version: '2',
    type: 'DATA_KEY',
    expiration: Math.floor(expiresAt / 1000),
  };
  return Buffer.from(JSON.stringify(envelope)).toString('base64');
}

export const authOperations: Record<string, Operation> = {
  /** `aws ecr get-login-password` decodes this and prints what follows `AWS:`. */
  GetAuthorizationToken(input, { state, clock }) {
    // registryIds is deprecated but still honoured: one token per registry named (≤ 10).
    const registryIds = stringList(input, 'registryIds');
    if (registryIds.length > 10)
      throw invalidEcrParameter('registryIds', 'Member must have length less than or equal to 10');
    for (const id of registryIds) {
      if (!REGISTRY_ID.test(id))
        throw invalidEcrParameter('registryIds', `must satisfy regular expression '[0-9]{12}'`);
    }
    const expiresAt = clock.now() + TOKEN_LIFETIME_MS;
    const registries = registryIds.length > 0 ? registryIds : [state.accountId];
    return {
      authorizationData: registries.map((registryId) => ({
        authorizationToken: Buffer.from(`AWS:${password(expiresAt)}`).toString('base64'),
        expiresAt: epochSeconds(expiresAt),
        proxyEndpoint: `https://${registryHost(registryId, state.region)}`,
      })),
    };
  },
};

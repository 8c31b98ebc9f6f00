import { createAwsLayer, type AwsLayer } from '../aws/aws-layer.js';

/**
 * The BFF's AWS layer for tests whose SDK clients are stubbed with aws-sdk-client-mock: the
 * endpoint is never reached. No cache by default, so every read reaches the stubs.
 */
export function mockedAwsLayer(ttlMs = 0): AwsLayer {
  return createAwsLayer({
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    budgetShare: 1,
    ttlMs,
  });
}

/** An error shaped as the SDK throws AWS's errors: the error code is its name. */
export const awsError = (name: string, message = name) =>
  Object.assign(new Error(message), { name });

import { AwsError } from '../../protocol/errors.js';

/** X-Ray's one client error: bad or missing parameters, an unparsable filter, a wrong id count. */
export const invalidRequest = (message: string) =>
  new AwsError('InvalidRequestException', message, 400);

/** X-Ray throttles with its own name and status, unlike ECS's 400 ThrottlingException. */
export const xrayThrottled = () =>
  new AwsError(
    'ThrottledException',
    'The request exceeds the maximum number of requests per second.',
    429,
  );

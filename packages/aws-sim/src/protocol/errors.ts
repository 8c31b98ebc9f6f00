/**
 * An error the simulator answers with, exactly as AWS does: `__type` in the body and
 * `x-amzn-ErrorType` in the headers. Anything else thrown by a handler becomes a 500
 * `ServerException`, which is what AWS answers for its own faults.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message);
export const clientException = (message: string) => new AwsError('ClientException', message);
export const clusterNotFound = () => new AwsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = () => new AwsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = () =>
  new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
export const throttled = () => new AwsError('ThrottlingException', 'Rate exceeded');
export const serializationError = (message: string) =>
  new AwsError('SerializationException', message);
export const unknownOperation = () => new AwsError('UnknownOperationException', '', 400);

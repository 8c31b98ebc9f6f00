import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './errors.js';

/** AWS refuses bodies above a few MB; 10 MiB keeps the simulator safe from runaway clients. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AwsError('RequestEntityTooLargeException', 'Request entity too large', 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  contentType = 'application/x-amz-json-1.1',
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
    ...headers,
  });
  res.end(payload);
}

/** The error body and header AWS's JSON protocols use. */
export function sendAwsError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
  contentType?: string,
): void {
  sendJson(
    res,
    error.status,
    { __type: error.code, message: error.message },
    requestId,
    contentType,
    {
      'x-amzn-errortype': error.code,
    },
  );
}

import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Rewrites the JSON answer of one awsJson operation (the BFF's view of a changing world). */
export type AnswerRewrite = (body: Record<string, unknown>) => Record<string, unknown>;

/**
 * A transparent HTTP proxy between the BFF's SDK clients and the simulator, for what the
 * simulator does not show: how many sockets the BFF holds open, how many requests are still
 * waiting, which access key signed each request, and the world changing between a List and a
 * Describe (an answer rewritten on its way back).
 */
export interface WatchingProxy {
  readonly endpoint: string;
  /** TCP connections the BFF holds to "AWS" now, and the most it ever held at once. */
  openConnections(): number;
  readonly maxConnections: number;
  /** Requests received and neither answered nor abandoned yet. */
  inFlight(): number;
  /** The access key id of every request's SigV4 signature, in arrival order. */
  readonly accessKeys: string[];
  /** Rewrites the 200 answers of an ECS operation (by X-Amz-Target name) until cleared. */
  rewrite(operation: string, rewrite: AnswerRewrite): void;
  clearRewrites(): void;
  close(): Promise<void>;
}

const ACCESS_KEY = /Credential=([^/\s,]+)\//;

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startWatchingProxy(target: string): Promise<WatchingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const rewrites = new Map<string, AnswerRewrite>();
  const accessKeys: string[] = [];
  let open = 0;
  let maxConnections = 0;
  let pending = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    pending += 1;
    res.once('close', () => {
      pending -= 1;
    });
    const key = ACCESS_KEY.exec(req.headers.authorization ?? '')?.[1];
    if (key) accessKeys.push(key);
    const body = await readAll(req);
    const target = req.headers['x-amz-target'];
    const operation = typeof target === 'string' ? target.split('.')[1] : undefined;
    const rewrite = operation ? rewrites.get(operation) : undefined;
    const out = forward({
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    });
    // The BFF gave up (its request timeout): the simulator's side of the call ends too.
    res.once('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    out.once('error', () => res.destroy());
    out.once('response', (answer) => {
      void (async () => {
        if (!rewrite || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const original = JSON.parse((await readAll(answer)).toString('utf8')) as Record<
          string,
          unknown
        >;
        const json = Buffer.from(JSON.stringify(rewrite(original)));
        const headers: OutgoingHttpHeaders = { ...answer.headers, 'content-length': json.length };
        delete headers['transfer-encoding'];
        res.writeHead(200, headers);
        res.end(json);
      })().catch(() => res.destroy());
    });
    out.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    open += 1;
    maxConnections = Math.max(maxConnections, open);
    socket.once('close', () => {
      open -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    openConnections: () => open,
    get maxConnections() {
      return maxConnections;
    },
    inFlight: () => pending,
    accessKeys,
    rewrite: (operation, fn) => rewrites.set(operation, fn),
    clearRewrites: () => rewrites.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

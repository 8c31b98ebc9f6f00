import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { parseBlock, type SseFrame } from '../testing/sse-client.js';

/** One complete SSE block (up to a blank line), as an EventSource parser sees it. */
export type RawFrame = SseFrame;

interface Waiter {
  predicate: (frame: RawFrame) => boolean;
  resolve: (frame: RawFrame) => void;
}

export interface OpenOptions {
  lastEventId?: string;
  headers?: Record<string, string>;
  /** Fail the open (and destroy the socket) after this long without response headers. */
  timeoutMs?: number;
}

/**
 * An SSE client on node:http, for the adversarial tests: it can cut its TCP connection at any
 * moment (`kill`), stop reading so the server's buffers fill (`stopReading`), and tracks the
 * Last-Event-ID as a browser does: from complete blocks only (a block torn by a cut connection
 * is discarded, HTML spec "event stream interpretation").
 */
export class RawSseClient {
  readonly frames: RawFrame[] = [];
  /** The Last-Event-ID a browser would send on reconnect: the last `id:` of a dispatched block. */
  lastEventId: string | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly endWaiters: (() => void)[] = [];
  private pending = '';
  private ended = false;
  /** Set once the stream ended; `end`: the server ended it cleanly; `aborted`: the connection broke. */
  endedBy: 'end' | 'aborted' | undefined;

  private constructor(
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
    private readonly response: IncomingMessage,
  ) {}

  static open(url: string, options: OpenOptions = {}): Promise<RawSseClient> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        accept: 'text/event-stream',
        ...options.headers,
      };
      if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
      // agent: false — a fresh connection per stream, never a pooled keep-alive socket.
      const req = request(url, { headers, agent: false });
      const timer = setTimeout(() => {
        req.destroy(new Error(`No response headers within ${options.timeoutMs ?? 10_000} ms`));
      }, options.timeoutMs ?? 10_000);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.on('response', (response) => {
        clearTimeout(timer);
        const client = new RawSseClient(response.statusCode ?? 0, response.headers, response);
        client.attach();
        resolve(client);
      });
      req.end();
    });
  }

  /** Messages (blocks with an `event:`), in order. */
  get messages(): RawFrame[] {
    return this.frames.filter((frame) => frame.event !== undefined);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The raw body, for non-200 answers (collected until the end). */
  body = '';

  /** Cuts the TCP connection now, as a network failure would: no FIN handshake with the stream. */
  kill(): void {
    this.response.socket?.destroy();
    this.response.destroy();
  }

  /** Stops reading: the socket's receive window fills and the server's writes back up. */
  stopReading(): void {
    this.response.pause();
    this.response.socket?.pause();
  }

  waitFor(predicate: (frame: RawFrame) => boolean, timeoutMs = 10_000): Promise<RawFrame> {
    const found = this.frames.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching SSE frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves when the stream ends (cleanly or not); rejects after `timeoutMs`: a hang fails. */
  waitForEnd(timeoutMs = 10_000): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Stream not ended within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private attach(): void {
    const response = this.response;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (this.status !== 200) {
        this.body += chunk;
        return;
      }
      this.pending += chunk;
      const blocks = this.pending.split(/\r\n\r\n|\n\n|\r\r/);
      this.pending = blocks.pop() ?? '';
      for (const block of blocks) this.receive(parseBlock(block));
    });
    response.on('end', () => this.finish('end'));
    response.on('aborted', () => this.finish('aborted'));
    response.on('error', () => this.finish('aborted'));
    response.on('close', () => this.finish(response.complete ? 'end' : 'aborted'));
  }

  private receive(frame: RawFrame): void {
    if (frame.id !== undefined) this.lastEventId = frame.id;
    this.frames.push(frame);
    for (const waiter of this.waiters)
      if (waiter.predicate(frame)) {
        this.waiters.delete(waiter);
        waiter.resolve(frame);
      }
  }

  private finish(how: 'end' | 'aborted'): void {
    if (this.ended) return;
    this.ended = true;
    this.endedBy = how;
    // A torn last block is never dispatched.
    this.pending = '';
    for (const resolve of this.endWaiters.splice(0)) resolve();
  }
}

/** Opens a connection, sends the request and cuts it before (or as) the answer arrives. */
export function connectAndCut(url: string, when: 'at-once' | 'on-headers'): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { headers: { accept: 'text/event-stream' }, agent: false });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    if (when === 'at-once') {
      req.on('socket', (socket) => {
        socket.on('connect', () => {
          // The request line is flushed with end(); cut right after it left.
          setImmediate(() => req.destroy());
        });
      });
    } else {
      req.on('response', () => req.destroy());
    }
    req.end();
  });
}

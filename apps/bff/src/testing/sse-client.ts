/** One block of an SSE stream (up to a blank line), as the EventSource parser sees it. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  /** Comment lines (`: …`), without the colon. */
  comments: string[];
}

interface Waiter {
  predicate: (frame: SseFrame) => boolean;
  resolve: (frame: SseFrame) => void;
}

/**
 * A test client for the live streams: fetch + a stream reader + the SSE line format (the parts
 * Deckhand uses). Collects every frame; waitFor() resolves on the first frame matching, having
 * arrived or arriving, with a timeout so a missing frame fails the test instead of hanging it.
 */
export class SseClient {
  readonly frames: SseFrame[] = [];
  private readonly waiters = new Set<Waiter>();
  private ended = false;
  private readonly endWaiters: (() => void)[] = [];

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly controller: AbortController,
  ) {}

  /** Opens a stream; for a non-200 answer, `body` holds the text and no frame will come. */
  static async open(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<SseClient & { body?: string }> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    const client = new SseClient(response.status, response.headers, controller);
    if (!response.ok || !response.body) {
      const body = await response.text();
      client.finish();
      return Object.assign(client, { body });
    }
    void client.pump(response.body);
    return client;
  }

  /** Messages (frames with an `event:`), in order. */
  get messages(): SseFrame[] {
    return this.frames.filter((frame) => frame.event !== undefined);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  waitFor(predicate: (frame: SseFrame) => boolean, timeoutMs = 5_000): Promise<SseFrame> {
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

  /** Resolves when the server ends the stream (or close() is called). */
  waitForEnd(timeoutMs = 5_000): Promise<void> {
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

  close(): void {
    this.controller.abort();
    this.finish();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        pending += decoder.decode(value, { stream: true });
        const blocks = pending.split(/\r?\n\r?\n/);
        pending = blocks.pop() ?? '';
        for (const block of blocks) this.receive(parseBlock(block));
      }
    } catch {
      // Aborted by close(), or the server dropped the connection: both end the stream.
    }
    this.finish();
  }

  private receive(frame: SseFrame): void {
    this.frames.push(frame);
    for (const waiter of this.waiters)
      if (waiter.predicate(frame)) {
        this.waiters.delete(waiter);
        waiter.resolve(frame);
      }
  }

  private finish(): void {
    this.ended = true;
    for (const resolve of this.endWaiters.splice(0)) resolve();
  }
}

/** One block of the stream (its lines, without the blank line that ends it) as a frame. */
export function parseBlock(block: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).trimStart());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data')
      frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    else if (field === 'retry') frame.retry = Number(value);
  }
  return frame;
}

import type { Response } from 'express';
import type { Logger } from 'pino';
import type { LiveSink } from './cluster-poller.js';
import type { StampedEvent, StreamStart } from './replay-buffer.js';

export interface SseOptions {
  /** A comment this often keeps proxies and load balancers (idle timeout 60 s) from closing the stream. */
  heartbeatMs: number;
  /** The browser's reconnect delay, sent first. */
  retryMs: number;
  /** A client this far behind is dropped instead of buffered without bound. */
  maxBufferedBytes: number;
}

/** One SSE message; JSON.stringify never emits a raw newline, so `data:` is one line. */
export const eventFrame = ({ id, event }: StampedEvent): string =>
  `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

export const commentFrame = (text: string): string => `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;

/**
 * An `id:` with no data dispatches nothing but moves the browser's Last-Event-ID (HTML spec,
 * "dispatch the event", step 1), so even a stream that has received no event yet resumes
 * from where it joined.
 */
export const positionFrame = (id: number): string => `id: ${id}\n\n`;

/** An Express response as a live stream: headers, retry, heartbeats, frames, bounded buffering. */
export class SseStream implements LiveSink {
  private heartbeat: NodeJS.Timeout | undefined;
  private done = false;
  private inBurst = false;

  constructor(
    private readonly res: Response,
    private readonly options: SseOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const res = this.res;
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream');
    // Replaces the API's no-store; no-transform keeps any compressing proxy from buffering.
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    // nginx would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    this.write(`retry: ${this.options.retryMs}\n\n`);
    this.heartbeat = setInterval(
      () => this.write(commentFrame('heartbeat')),
      this.options.heartbeatMs,
    );
    this.heartbeat.unref();
  }

  open(start: StreamStart): void {
    if (start.kind === 'reset') {
      this.write(`id: ${start.position}\nevent: reset\ndata: ${JSON.stringify(start.reset)}\n\n`);
      return;
    }
    for (const stamped of start.events) this.event(stamped);
    this.write(positionFrame(start.position));
  }

  event(stamped: StampedEvent): void {
    this.write(eventFrame(stamped));
  }

  end(comment: string): void {
    if (this.done) return;
    this.write(commentFrame(comment));
    this.dispose();
    this.res.end();
  }

  /** Stops the heartbeat; the response is over (ended, dropped or closed by the client). */
  dispose(): void {
    this.done = true;
    clearInterval(this.heartbeat);
  }

  /**
   * Slowness is judged on what earlier writes left unsent, once per burst (the writes of one
   * turn of the event loop: a replay, one poll's fan-out), before the burst is queued. A burst
   * larger than the bound (a reconnect replaying a big gap, a cycle with a thousand events) is
   * the server's doing, not the client's: judged after it, every client would be dropped and
   * would reconnect into the same replay forever. A client that had an I/O turn to take the
   * bytes and still holds more than the bound is slow.
   */
  private write(chunk: string): void {
    if (this.done || this.res.destroyed) return;
    if (!this.inBurst) {
      const backlog = this.res.writableLength;
      if (backlog > this.options.maxBufferedBytes) {
        this.logger.warn({ buffered: backlog }, 'Live stream client is too slow; dropping it');
        this.dispose();
        this.res.destroy();
        return;
      }
      this.inBurst = true;
      setImmediate(() => {
        this.inBurst = false;
      }).unref();
    }
    this.res.write(chunk);
  }
}

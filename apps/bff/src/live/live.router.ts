import { EcsName } from '@deckhand/shared';
import { Router, type Request, type Response } from 'express';
import { parseInput } from '../http/parse-input.js';
import type { RegionResolver } from '../http/region.js';
import type { LiveHub } from './live-hub.js';
import { SseStream } from './sse-stream.js';

/**
 * The live feeds (DESIGN.md, SSE): `GET /clusters/:cluster/events` and
 * `GET /clusters/:cluster/services/:service/events`, a filtered view of the same stream.
 */
export function createLiveRouter(deps: { live: LiveHub; region: RegionResolver }): Router {
  const router = Router();

  const stream = async (req: Request, res: Response, service: string | undefined) => {
    // Listening from the start: a client that leaves while the checks below are awaited has
    // already had its one 'close' when the stream would open, and must not be subscribed then
    // (a sink nobody reads, never unsubscribed: the poller would count it as a watcher forever).
    let gone = false;
    res.once('close', () => {
      gone = true;
    });
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    // A JSON 404 now, rather than an endless empty stream (EventSource stops on a non-200).
    await deps.live.assertCluster(region, cluster);
    if (service) await deps.live.assertService(region, cluster, service);
    // Express answers HEAD with the GET handler: a probe gets the headers, not an endless stream.
    if (req.method === 'HEAD') {
      res.status(200).type('text/event-stream').end();
      return;
    }
    if (gone || res.destroyed) return;
    const sse = new SseStream(res, deps.live.sse, deps.live.logger);
    sse.start();
    const unsubscribe = deps.live.subscribe(
      { region, cluster, service, lastEventId: lastEventIdOf(req) },
      sse,
    );
    res.on('close', () => {
      sse.dispose();
      unsubscribe();
    });
  };

  router.get('/clusters/:cluster/events', (req, res) => stream(req, res, undefined));
  router.get('/clusters/:cluster/services/:service/events', (req, res) =>
    stream(req, res, parseInput(EcsName, req.params.service, 'service')),
  );
  return router;
}

/** The Last-Event-ID header, else `?lastEventId=`: a browser re-creating an EventSource cannot set headers. */
function lastEventIdOf(req: Request): string | undefined {
  const header = req.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') return header;
  const query = req.query.lastEventId;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

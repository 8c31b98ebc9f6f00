import type { ServiceEvent } from '@deckhand/shared';
import { useState } from 'react';
import { formatTime } from '../../../lib/format';
import { serviceEventTone } from '../lib/describe-event';
import { PANEL, TONE_BADGE, TONE_BORDER } from './tones';

/** How many events are drawn at first (a flapping service has thousands; keep the DOM small). */
const SHOWN = 100;

/** A service's events, newest first, coloured by what they are about. */
export function ServiceEvents({ events }: { events: ServiceEvent[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? events : events.slice(0, SHOWN);
  return (
    <section aria-labelledby="service-events-heading" className="space-y-2">
      <h2 id="service-events-heading" className="text-sm font-semibold">
        Events
      </h2>
      <div className={PANEL}>
        <ol
          aria-label="Events"
          data-testid="events-list"
          className="divide-y divide-slate-100 dark:divide-slate-800"
        >
          {shown.map((event) => {
            const tone = serviceEventTone(event.kind);
            return (
              <li
                key={event.id}
                data-testid="event-item"
                data-kind={event.kind}
                className={`flex gap-3 border-l-4 px-4 py-2 text-sm ${TONE_BORDER[tone]}`}
              >
                <time
                  dateTime={event.createdAt}
                  className="shrink-0 font-mono text-xs text-slate-500"
                >
                  {formatTime(event.createdAt)}
                </time>
                <span
                  className={`h-fit shrink-0 rounded px-1.5 text-xs font-medium ${TONE_BADGE[tone]}`}
                >
                  {event.kind.replace('-', ' ')}
                </span>
                <span className="min-w-0 break-words">{event.message}</span>
              </li>
            );
          })}
          {events.length === 0 && (
            <li className="px-4 py-6 text-center text-sm text-slate-500">No events yet.</li>
          )}
        </ol>
        {events.length > shown.length && (
          <button
            type="button"
            onClick={() => setAll(true)}
            className="w-full border-t border-slate-100 px-4 py-2 text-sm font-medium text-sky-700 hover:bg-slate-50 dark:border-slate-800 dark:text-sky-300 dark:hover:bg-slate-800"
          >
            Show all {events.length} events
          </button>
        )}
      </div>
    </section>
  );
}

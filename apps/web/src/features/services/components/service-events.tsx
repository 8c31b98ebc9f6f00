import { ServiceEventKind, type ServiceEvent } from '@deckhand/shared';
import { useState } from 'react';
import { PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { serviceEventTone } from '../lib/describe-event';
import { TONE_BADGE, TONE_BORDER } from './tones';

/** How many events are drawn at first (a flapping service has thousands; keep the DOM small). */
const SHOWN = 100;
/** DescribeServices returns a service's latest 100 events; older ones come from the history. */
const AWS_EVENTS = 100;

/** "240 events (140 from Deckhand's history)": beyond AWS's 100, they can only be the history's. */
export function eventCount(total: number): string {
  const kept = total - AWS_EVENTS;
  const count = `${total} event${total === 1 ? '' : 's'}`;
  return kept > 0 ? `${count} (${kept} from Deckhand’s history)` : count;
}

/** A service's events, newest first, coloured by what they are about, filtered by kind. */
export function ServiceEvents({ events: allEvents }: { events: ServiceEvent[] }) {
  const [all, setAll] = useState(false);
  const [kind, setKind] = useState<ServiceEventKind | 'all'>('all');
  const events = kind === 'all' ? allEvents : allEvents.filter((event) => event.kind === kind);
  const shown = all ? events : events.slice(0, SHOWN);
  return (
    <section aria-labelledby="service-events-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="service-events-heading" className="text-sm font-semibold">
          Events{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {eventCount(allEvents.length)}
          </span>
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          Kind
          <select
            value={kind}
            onChange={(event) => {
              const parsed = ServiceEventKind.safeParse(event.target.value);
              setKind(parsed.success ? parsed.data : 'all');
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            <option value="all">all</option>
            {ServiceEventKind.options.map((option) => (
              <option key={option} value={option}>
                {option.replace('-', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
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
                  className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400"
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
            <li className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
              {kind === 'all' ? 'No events yet.' : `No ${kind.replace('-', ' ')} events.`}
            </li>
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

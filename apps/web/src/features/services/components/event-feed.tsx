import { useState } from 'react';
import { PANEL } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import type { FeedEntry } from '../api/use-cluster-events';
import { describeLiveEvent, matchesFilter } from '../lib/describe-event';
import { TONE_BADGE, TONE_BORDER } from './tones';

/** The cluster-wide live feed, newest first, coloured by kind, with a filter. */
export function EventFeed({ feed }: { feed: FeedEntry[] }) {
  const [filter, setFilter] = useState('');
  const described = feed.map((entry) => ({ entry, description: describeLiveEvent(entry.event) }));
  const shown = described.filter(({ description }) => matchesFilter(description, filter));

  return (
    <section aria-labelledby="feed-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="feed-heading" className="text-sm font-semibold">
          Live events
        </h2>
        <label className="text-sm">
          <span className="sr-only">Filter events</span>
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Filter by service, kind or text"
            className="w-64 rounded-md border border-slate-300 bg-white px-3 py-1 shadow-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
      </div>
      <div className={PANEL}>
        <ol
          aria-label="Live events"
          data-testid="feed-list"
          className="max-h-[32rem] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800"
        >
          {shown.map(({ entry, description }) => (
            <li
              key={entry.key}
              data-testid="feed-item"
              data-type={entry.event.type}
              className={`border-l-4 px-4 py-2 text-sm ${TONE_BORDER[description.tone]}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <time className="font-mono text-xs text-slate-600 dark:text-slate-400">
                  {formatTime(entry.receivedAt)}
                </time>
                <span
                  className={`rounded px-1.5 text-xs font-medium ${TONE_BADGE[description.tone]}`}
                >
                  {description.label}
                </span>
                {description.service && (
                  <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
                    {description.service}
                  </span>
                )}
              </div>
              <p className="mt-0.5 break-words">{description.title}</p>
              {description.detail && (
                <p className="text-xs text-slate-600 dark:text-slate-400">{description.detail}</p>
              )}
              {description.extra.length > 0 && (
                <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
                  {description.extra.join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ol>
        {shown.length === 0 && (
          <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
            {feed.length === 0
              ? 'Waiting for events: changes to services, deployments and tasks appear here as they happen.'
              : `No event matches “${filter}”.`}
          </p>
        )}
      </div>
    </section>
  );
}

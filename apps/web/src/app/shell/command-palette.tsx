import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { PaletteItem } from './palette-search';
import { withRegion } from './region-path';
import { SearchIcon } from './icons';
import { usePaletteResults } from './use-palette-results';

function statusText(
  query: string,
  count: number,
  loading: boolean,
  searchingTaskIn: number,
): string {
  if (searchingTaskIn > 0)
    return `Looking for the task in ${searchingTaskIn} cluster${searchingTaskIn === 1 ? '' : 's'}…`;
  if (loading) return count > 0 ? `${count} results, more loading…` : 'Loading…';
  if (count === 0) return query.trim() ? `Nothing matches “${query.trim()}”.` : 'Nothing to show.';
  return `${count} result${count === 1 ? '' : 's'}`;
}

/**
 * The command palette: type a name (cluster, service, task definition, repository, page) or paste
 * an id (task, trace, `family:revision`) and jump there. A modal dialog holding a combobox; arrow
 * keys move through the results, Enter opens one, Escape closes. Links keep `?region=`.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const listboxId = useId();
  const input = useRef<HTMLInputElement>(null);
  const { groups, loading, searchingTaskIn } = usePaletteResults(
    query,
    params.get('region') ?? undefined,
  );
  const items = groups.flatMap((group) => group.items);
  const activeIndex = Math.min(active, items.length - 1);
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    const option = document.getElementById(`${listboxId}-option-${activeIndex}`);
    // jsdom has no scrollIntoView.
    if (typeof option?.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
  }, [listboxId, activeIndex]);

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    void navigate(withRegion(item.path, params));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = items.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.max(activeIndex, 0) + step + count) % count);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      if (count > 0)
        setActive(
          event.key === 'PageDown'
            ? Math.min(count - 1, activeIndex + 8)
            : Math.max(0, activeIndex - 8),
        );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[activeIndex]);
    } else if (event.key === 'Tab') {
      // The input is the dialog's only stop: focus stays inside the modal.
      event.preventDefault();
    }
  };

  const starts = groups.map((_, at) =>
    groups.slice(0, at).reduce((sum, group) => sum + group.items.length, 0),
  );
  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-950/50 p-4 pt-[12vh]"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onClose();
        }}
        className="flex max-h-[70vh] w-full max-w-xl flex-col overflow-hidden rounded-lg bg-white text-slate-900 shadow-2xl ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
      >
        <div className="flex items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-700">
          <span className="text-slate-500 dark:text-slate-400">
            <SearchIcon />
          </span>
          <input
            ref={input}
            role="combobox"
            aria-label="Jump to"
            aria-expanded={items.length > 0}
            aria-controls={items.length > 0 ? listboxId : undefined}
            aria-autocomplete="list"
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Cluster, service, task definition, repository, task or trace id"
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 bg-transparent py-3 text-sm outline-none placeholder:text-slate-600 dark:text-slate-400 dark:placeholder:text-slate-400"
          />
          <kbd className="rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-300">
            Esc
          </kbd>
        </div>
        {/* Rendered only with results: an empty listbox is invalid ARIA (axe flags it). */}
        {items.length > 0 && (
          <div
            id={listboxId}
            role="listbox"
            aria-label="Results"
            className="min-h-0 flex-1 overflow-y-auto p-2"
          >
            {groups.map((group, groupAt) => (
              <div key={group.kind} role="group" aria-label={group.label} className="mb-2">
                <div
                  aria-hidden="true"
                  className="px-2 py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
                >
                  {group.label}
                </div>
                {group.items.map((item, itemAt) => {
                  const position = (starts[groupAt] ?? 0) + itemAt;
                  const selected = position === activeIndex;
                  return (
                    <div
                      key={item.id}
                      id={optionId(position)}
                      role="option"
                      aria-selected={selected}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => {
                        if (!selected) setActive(position);
                      }}
                      onClick={() => choose(item)}
                      className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm ${
                        selected
                          ? 'bg-sky-100 text-sky-950 dark:bg-sky-900/70 dark:text-white'
                          : 'text-slate-800 dark:text-slate-200'
                      }`}
                    >
                      <span className="min-w-0 truncate font-medium">{item.label}</span>
                      {/* A space, so the option's accessible name reads "web prod-ec2". */}{' '}
                      {item.detail && (
                        <span className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400">
                          {item.detail}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        )}
        <p
          aria-live="polite"
          className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400"
        >
          {statusText(query, items.length, loading, searchingTaskIn)}
        </p>
      </div>
    </div>
  );
}

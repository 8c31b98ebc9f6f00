export type StudioView = 'form' | 'json' | 'split';

const VIEWS: readonly { view: StudioView; label: string }[] = [
  { view: 'form', label: 'Form' },
  { view: 'json', label: 'JSON' },
  { view: 'split', label: 'Split' },
];

/** Split (side by side) on screens wide enough for two editors, else the form. */
export function defaultView(): StudioView {
  const wide =
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(min-width: 1280px)').matches;
  return wide ? 'split' : 'form';
}

/** Form | JSON | Split, as pressed toggle buttons. */
export function ViewSwitch({
  view,
  onChange,
}: {
  view: StudioView;
  onChange: (view: StudioView) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Editor view"
      className="inline-flex overflow-hidden rounded-md text-sm shadow-sm ring-1 ring-slate-300 dark:ring-slate-600"
    >
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          aria-pressed={view === option.view}
          onClick={() => onChange(option.view)}
          className={`px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-500 ${
            view === option.view
              ? 'bg-slate-900 text-white dark:bg-sky-700'
              : 'bg-white text-slate-700 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

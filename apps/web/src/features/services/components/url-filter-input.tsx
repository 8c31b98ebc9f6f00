import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { withParams } from '../lib/table-params';

/**
 * A search field whose text lives in the URL parameter `param` (replaced, not pushed, per
 * keystroke). The field keeps its own text: router updates run in a transition, and a
 * controlled input must not wait for one. It takes the URL's value when the URL changes by
 * other means (back/forward, a link).
 */
export function UrlFilterInput({
  param,
  label,
  placeholder,
  help,
  pageFilter = false,
}: {
  param: string;
  /** The accessible name (`Filter tasks`). */
  label: string;
  placeholder: string;
  /** The filter syntax, read by screen readers with the field and shown as its tooltip. */
  help: string;
  /** Marks the page's own filter (`data-page-filter`), which the `/` shortcut focuses. */
  pageFilter?: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(param) ?? '';
  const [text, setText] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  const [written, setWritten] = useState<string | undefined>(undefined);
  const helpId = useId();
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    if (fromUrl !== written) {
      setText(fromUrl);
      setWritten(undefined);
    }
  }

  return (
    <>
      <input
        type="search"
        aria-label={label}
        aria-describedby={helpId}
        title={help}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        {...(pageFilter ? { 'data-page-filter': '' } : {})}
        onChange={(event) => {
          const value = event.target.value;
          const inUrl = value.trim() ? value : '';
          setText(value);
          setWritten(inUrl);
          setParams((current) => withParams(current, { [param]: inUrl }), { replace: true });
        }}
        className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-900 shadow-sm outline-none placeholder:text-slate-500 focus:border-sky-500 focus:ring-2 focus:ring-sky-300 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <span id={helpId} className="sr-only">
        {help}
      </span>
    </>
  );
}

import { useRef, useSyncExternalStore, type ComponentType, type KeyboardEvent } from 'react';
import {
  readThemePreference,
  setThemePreference,
  subscribeTheme,
  type ThemePreference,
} from '../../lib/theme';
import { MonitorIcon, MoonIcon, SunIcon } from './icons';

const OPTIONS: readonly {
  value: ThemePreference;
  label: string;
  Icon: ComponentType<{ className?: string }>;
}[] = [
  { value: 'light', label: 'Light', Icon: SunIcon },
  { value: 'dark', label: 'Dark', Icon: MoonIcon },
  { value: 'system', label: 'System', Icon: MonitorIcon },
];

/** The stored theme preference, kept current across toggles, tabs and system changes. */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribeTheme, () => readThemePreference());
}

/**
 * Light, dark or the system's scheme: a radio group of three icon buttons (named for assistive
 * technology, titled for the pointer). One tab stop; the arrow keys move and choose, as in any
 * radio group.
 */
export function ThemeToggle() {
  const preference = useThemePreference();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (at: number) => {
    const option = OPTIONS[(at + OPTIONS.length) % OPTIONS.length];
    if (!option) return;
    setThemePreference(option.value);
    buttons.current[OPTIONS.indexOf(option)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    choose(at + step);
  };
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className="flex items-center rounded-md bg-slate-800 p-0.5 ring-1 ring-slate-700"
    >
      {OPTIONS.map(({ value, label, Icon }, at) => {
        const checked = preference === value;
        return (
          <button
            key={value}
            ref={(element) => {
              buttons.current[at] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={`${label} theme`}
            tabIndex={checked ? 0 : -1}
            onClick={() => choose(at)}
            onKeyDown={(event) => onKeyDown(event, at)}
            className={`flex h-7 w-7 items-center justify-center rounded outline-none hover:text-white focus-visible:ring-2 focus-visible:ring-sky-400 ${
              checked ? 'bg-slate-600 text-white' : 'text-slate-300'
            }`}
          >
            <Icon className="h-4 w-4" />
          </button>
        );
      })}
    </div>
  );
}

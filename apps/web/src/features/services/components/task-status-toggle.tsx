import { useId } from 'react';
import type { DesiredStatus } from '../api/ecs-keys';

const OPTIONS: { value: DesiredStatus; label: string }[] = [
  { value: 'RUNNING', label: 'Running' },
  { value: 'STOPPED', label: 'Stopped' },
];

/** Running or stopped tasks, as a segmented control of native radios (arrow keys move). */
export function TaskStatusToggle({
  value,
  onChange,
}: {
  value: DesiredStatus;
  onChange: (value: DesiredStatus) => void;
}) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label="Task status"
      className="inline-flex rounded-md p-0.5 ring-1 ring-slate-300 dark:ring-slate-600"
    >
      {OPTIONS.map((option) => (
        <label
          key={option.value}
          className="cursor-pointer rounded px-3 py-1 text-sm font-medium text-slate-700 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-sky-500 dark:text-slate-200 dark:has-[:checked]:bg-sky-700"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

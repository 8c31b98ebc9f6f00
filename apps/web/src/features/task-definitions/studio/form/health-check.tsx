import { formatPath, type JsonValue } from '@deckhand/shared/taskdef';
import { FindingList } from './findings';
import { ReadOnlyField } from './field';
import { IntegerField, StringListField } from './fields';
import { useFindingsAt } from './form-context';
import type { Segments } from './lib/json-edit';
import { member, readObject } from './lib/values';
import { SUBHEAD } from './styles';

const TIMINGS = [
  { key: 'interval', label: 'Interval (s)', hint: '5–300, default 30' },
  { key: 'timeout', label: 'Timeout (s)', hint: '2–60, default 5' },
  { key: 'retries', label: 'Retries', hint: '1–10, default 3' },
  { key: 'startPeriod', label: 'Start period (s)', hint: '0–300, off by default' },
] as const;

/** The container's health check: the command as one line, and its timings with their ranges. */
export function HealthCheck({
  segments,
  value,
}: {
  segments: Segments;
  value: JsonValue | undefined;
}) {
  const path = formatPath(segments);
  const findings = useFindingsAt(path);
  const read = readObject(value);
  if (read.state === 'wrong')
    return <ReadOnlyField label="Health check" segments={segments} value={read.raw} />;
  const check = read.state === 'ok' ? read.value : undefined;
  return (
    <div data-anchor={path} className="min-w-0 space-y-2">
      <h4 className={SUBHEAD}>Health check</h4>
      <FindingList findings={findings} />
      <StringListField
        label="Health check command"
        segments={[...segments, 'command']}
        value={member(check, 'command')}
        placeholder="CMD-SHELL, curl -f http://localhost/ || exit 1"
        hint="Starts with CMD or CMD-SHELL; items separated by commas (or a JSON array). Empty: no health check command."
      />
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        {TIMINGS.map((timing) => (
          <IntegerField
            key={timing.key}
            label={timing.label}
            segments={[...segments, timing.key]}
            value={member(check, timing.key)}
            hint={timing.hint}
          />
        ))}
      </div>
    </div>
  );
}

import { formatPath, type JsonObject, type JsonValue } from '@deckhand/shared/taskdef';
import { useState, type ReactNode } from 'react';
import { FindingList } from './findings';
import { Field, ReadOnlyField } from './field';
import { choicesOf, SelectField } from './fields';
import { useFindingsAt, useFormApi } from './form-context';
import { isJsonObject, removeIn, renameKey, setIn, updateIn, type Segments } from './lib/json-edit';
import { member, readObject, readString } from './lib/values';
import { CONTROL, HINT, SMALL_BUTTON, SUBHEAD } from './styles';

const DRIVERS = [
  'awslogs',
  'awsfirelens',
  'splunk',
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'logentries',
];

/** A log option's key: renaming keeps its place; an empty or taken key stays in the input only. */
function OptionKey({
  segments,
  optionKey,
  taken,
  label,
}: {
  segments: Segments;
  optionKey: string;
  taken: (key: string) => boolean;
  label: string;
}) {
  const api = useFormApi();
  const [draft, setDraft] = useState<{ text: string; base: string }>();
  const live = draft?.base === optionKey ? draft : undefined;
  const text = live ? live.text : optionKey;
  const problem = live
    ? live.text.trim() === ''
      ? 'enter a key'
      : taken(live.text)
        ? 'this key is taken'
        : undefined
    : undefined;
  return (
    <Field
      label={label}
      segments={[...segments, optionKey]}
      part="key"
      hideLabel
      quiet
      problem={problem}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            if (next.trim() === '' || (next !== optionKey && taken(next))) {
              setDraft({ text: next, base: optionKey });
              return;
            }
            setDraft({ text: next, base: next });
            api.update((document) => renameKey(document, segments, optionKey, next));
          }}
          className={`${CONTROL} font-mono text-xs`}
        />
      )}
    </Field>
  );
}

/** Log options as key/value rows; a value is a string (an emptied one stays "", the row stays). */
function LogOptions({ segments, value }: { segments: Segments; value: JsonValue | undefined }) {
  const api = useFormApi();
  const path = formatPath(segments);
  const findings = useFindingsAt(path);
  const read = readObject(value);
  if (read.state === 'wrong')
    return <ReadOnlyField label="Log options" segments={segments} value={read.raw} />;
  const options = read.state === 'ok' ? read.value : {};
  const keys = Object.keys(options);
  const add = () => {
    let key = 'option';
    for (let n = 2; Object.hasOwn(options, key); n += 1) key = `option-${n}`;
    api.update((document) => setIn(document, [...segments, key], ''));
    api.requestFocus(formatPath([...segments, key]));
  };
  return (
    <div data-anchor={path} className="space-y-1">
      <div className="flex items-center gap-2">
        <span className={`${HINT} mt-0`}>Options</span>
        <button type="button" onClick={add} className={`${SMALL_BUTTON} ml-auto`}>
          Add option
        </button>
      </div>
      <FindingList findings={findings} />
      {keys.length > 0 && (
        <div
          aria-hidden="true"
          className="grid grid-cols-2 gap-2 pr-8 text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400"
        >
          <span>key</span>
          <span>value</span>
        </div>
      )}
      {keys.map((key, index) => {
        const optionSegments = [...segments, key];
        const current = options[key];
        const text = readString(current);
        return (
          <OptionRow key={key} anchor={formatPath(optionSegments)}>
            <div className="grid flex-1 grid-cols-2 gap-2">
              <OptionKey
                segments={segments}
                optionKey={key}
                label={`Log option ${index + 1} key`}
                taken={(candidate) => candidate !== key && Object.hasOwn(options, candidate)}
              />
              {text.state === 'wrong' ? (
                <ReadOnlyField
                  label={`Log option ${index + 1} value`}
                  segments={optionSegments}
                  hideLabel
                  quiet
                  value={text.raw}
                />
              ) : (
                <Field
                  label={`Log option ${index + 1} value`}
                  segments={optionSegments}
                  hideLabel
                  quiet
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      spellCheck={false}
                      autoComplete="off"
                      value={text.state === 'ok' ? text.value : ''}
                      onChange={(event) => api.set(optionSegments, event.target.value)}
                      className={`${CONTROL} font-mono text-xs`}
                    />
                  )}
                </Field>
              )}
            </div>
            <button
              type="button"
              aria-label={`Remove log option ${key}`}
              title={`Remove log option ${key}`}
              onClick={() => api.update((document) => removeIn(document, optionSegments))}
              className="mt-1 h-6 w-6 shrink-0 rounded text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-red-950 dark:hover:text-red-300"
            >
              ✕
            </button>
          </OptionRow>
        );
      })}
    </div>
  );
}

function OptionRow({ anchor, children }: { anchor: string; children: ReactNode }) {
  const findings = useFindingsAt(anchor);
  return (
    <div data-anchor={anchor}>
      <div className="flex items-start gap-2">{children}</div>
      <FindingList findings={findings} />
    </div>
  );
}

/** awslogs with the usual options: `/ecs/<family>`, the studio's region, prefix `ecs`. */
export function withAwslogsDefaults(
  document: JsonObject,
  segments: Segments,
  region: string | undefined,
): JsonObject {
  const family =
    typeof document.family === 'string' && document.family !== '' ? document.family : 'task';
  return updateIn(document, segments, (current) => {
    const config: JsonObject = isJsonObject(current) ? current : {};
    const options: JsonObject = isJsonObject(config.options) ? config.options : {};
    return {
      ...config,
      logDriver: 'awslogs',
      options: {
        ...options,
        'awslogs-group': `/ecs/${family}`,
        ...(region ? { 'awslogs-region': region } : {}),
        'awslogs-stream-prefix': 'ecs',
      },
    };
  });
}

/** The log driver, its options, and the awslogs defaults button. */
export function LogConfiguration({
  segments,
  value,
  fargate,
}: {
  segments: Segments;
  value: JsonValue | undefined;
  fargate: boolean;
}) {
  const api = useFormApi();
  const path = formatPath(segments);
  const findings = useFindingsAt(path);
  const read = readObject(value);
  if (read.state === 'wrong')
    return <ReadOnlyField label="Log configuration" segments={segments} value={read.raw} />;
  const config = read.state === 'ok' ? read.value : undefined;
  return (
    <div data-anchor={path} className="min-w-0 space-y-2">
      <div className="flex items-center gap-2">
        <h4 className={SUBHEAD}>Logging</h4>
        <button
          type="button"
          className={`${SMALL_BUTTON} ml-auto`}
          onClick={() =>
            api.update((document) => withAwslogsDefaults(document, segments, api.getRegion()))
          }
        >
          Use awslogs defaults
        </button>
      </div>
      <FindingList findings={findings} />
      <SelectField
        label="Log driver"
        segments={[...segments, 'logDriver']}
        value={member(config, 'logDriver')}
        choices={choicesOf(DRIVERS)}
        emptyLabel="none (logs stay on the host)"
        options={{ prune: true }}
        hint={fargate ? 'Fargate supports awslogs, splunk and awsfirelens.' : undefined}
      />
      <LogOptions segments={[...segments, 'options']} value={member(config, 'options')} />
    </div>
  );
}

import { formatPath, type JsonValue } from '@deckhand/shared/taskdef';
import { memo, type ReactNode } from 'react';
import { FindingList } from './findings';
import { ReadOnlyField } from './field';
import { choicesOf, IntegerField, SelectField, TextField } from './fields';
import { useFindingsAt, useFormApi } from './form-context';
import { insertItem, removeIn, type Segments } from './lib/json-edit';
import { hostPortFollowsContainer, hostPortHint } from './lib/network';
import { member, readArray } from './lib/values';
import { HINT, SMALL_BUTTON, SUBHEAD } from './styles';

const APP_PROTOCOLS = ['http', 'http2', 'grpc'];

/**
 * A container's port mappings with hints for the task's network mode (REFERENCE §4). In awsvpc
 * and host mode the host port is the container port: the input is disabled unless the document
 * holds one (so it can be cleared), and a new mapping never writes one.
 */
export const PortMappings = memo(function PortMappings({
  segments,
  value,
  networkMode,
  explicitMode,
}: {
  segments: Segments;
  value: JsonValue | undefined;
  networkMode: string;
  explicitMode: boolean;
}) {
  const api = useFormApi();
  const path = formatPath(segments);
  const findings = useFindingsAt(path);
  const read = readArray(value);
  if (read.state === 'wrong')
    return <ReadOnlyField label="Port mappings" segments={segments} value={read.raw} />;
  const rows = read.state === 'ok' ? read.value : [];
  const locked = hostPortFollowsContainer(networkMode);
  return (
    <div data-anchor={path} className="min-w-0 space-y-1">
      <div className="flex items-center gap-2">
        <h4 className={SUBHEAD}>Port mappings</h4>
        <button
          type="button"
          className={`${SMALL_BUTTON} ml-auto`}
          onClick={() => {
            api.update((document) => insertItem(document, segments, { protocol: 'tcp' }));
            api.requestFocus(formatPath([...segments, rows.length, 'containerPort']));
          }}
        >
          Add port mapping
        </button>
      </div>
      <p className={HINT}>{hostPortHint(networkMode, explicitMode)}</p>
      <FindingList findings={findings} />
      {rows.map((row, index) => {
        const rowSegments = [...segments, index];
        const remove = (
          <button
            type="button"
            aria-label={`Remove port mapping ${index + 1}`}
            title={`Remove port mapping ${index + 1}`}
            onClick={() => api.update((document) => removeIn(document, rowSegments))}
            className="mt-5 h-6 w-6 shrink-0 rounded text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-red-950 dark:hover:text-red-300"
          >
            ✕
          </button>
        );
        if (row === null || typeof row !== 'object' || Array.isArray(row)) {
          return (
            <div key={index} className="flex gap-2">
              <ReadOnlyField
                label={`Port mapping ${index + 1}`}
                segments={rowSegments}
                value={row}
                className="flex-1"
              />
              {remove}
            </div>
          );
        }
        const hostPort = member(row, 'hostPort');
        const containerPort = member(row, 'containerPort');
        return (
          <PortRow key={index} anchor={formatPath(rowSegments)} label={`Port mapping ${index + 1}`}>
            <div className="grid flex-1 grid-cols-2 gap-2 sm:grid-cols-5">
              <IntegerField
                label="Container port"
                segments={[...rowSegments, 'containerPort']}
                value={containerPort}
                placeholder="8080"
              />
              <IntegerField
                label="Host port"
                segments={[...rowSegments, 'hostPort']}
                value={hostPort}
                disabled={locked && hostPort === undefined}
                placeholder={
                  locked
                    ? typeof containerPort === 'number'
                      ? `${containerPort} (auto)`
                      : 'auto'
                    : networkMode === 'bridge'
                      ? '0 = dynamic'
                      : ''
                }
              />
              <SelectField
                label="Protocol"
                segments={[...rowSegments, 'protocol']}
                value={member(row, 'protocol')}
                choices={choicesOf(['tcp', 'udp'])}
                emptyLabel="unset (tcp)"
              />
              <TextField
                label="Port name"
                segments={[...rowSegments, 'name']}
                value={member(row, 'name')}
                placeholder="http"
              />
              <SelectField
                label="App protocol"
                segments={[...rowSegments, 'appProtocol']}
                value={member(row, 'appProtocol')}
                choices={choicesOf(APP_PROTOCOLS)}
              />
            </div>
            {remove}
          </PortRow>
        );
      })}
    </div>
  );
});

function PortRow({
  anchor,
  label,
  children,
}: {
  anchor: string;
  label: string;
  children: ReactNode;
}) {
  const findings = useFindingsAt(anchor);
  return (
    <div
      role="group"
      aria-label={label}
      data-anchor={anchor}
      className="rounded-md bg-slate-50 p-2 dark:bg-slate-800/40"
    >
      <div className="flex items-start gap-2">{children}</div>
      <FindingList findings={findings} />
    </div>
  );
}

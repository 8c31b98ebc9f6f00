import { ContainerTool, type PushCommandsResponse } from '@deckhand/shared';
import { useId, useRef, type KeyboardEvent } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { MUTED, PANEL } from '../../../components/ui/styles';

const TOOL_LABELS: Record<ContainerTool, string> = {
  docker: 'Docker',
  podman: 'Podman',
  finch: 'Finch',
};

const STEPS = [
  { key: 'login', label: 'Log in to the registry' },
  { key: 'build', label: 'Build the image' },
  { key: 'tag', label: 'Tag it for this repository' },
  { key: 'push', label: 'Push it' },
  { key: 'pull', label: 'Pull it' },
] as const;

/**
 * Copyable login/build/tag/push/pull commands, one tab per container tool (WAI-ARIA tabs: arrow
 * keys move between tabs). The selected tool is controlled so the page can keep it in the URL.
 */
export function PushCommands({
  data,
  tool,
  onToolChange,
}: {
  data: PushCommandsResponse;
  tool: ContainerTool;
  onToolChange: (tool: ContainerTool) => void;
}) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const tools = ContainerTool.options.filter((candidate) => data.commands[candidate]);
  const selected = tools.includes(tool) ? tool : tools[0];
  const commands = selected ? data.commands[selected] : undefined;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = (index + step + tools.length) % tools.length;
    const nextTool = tools[next];
    if (nextTool) {
      onToolChange(nextTool);
      tabs.current[next]?.focus();
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        Push commands
      </h2>
      <div className={PANEL}>
        <div
          role="tablist"
          aria-label="Container tool"
          className="flex gap-1 border-b border-slate-200 px-2 pt-2 dark:border-slate-700"
        >
          {tools.map((candidate, index) => (
            <button
              key={candidate}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${candidate}`}
              aria-selected={candidate === selected}
              aria-controls={`${id}-panel`}
              tabIndex={candidate === selected ? 0 : -1}
              onClick={() => onToolChange(candidate)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`rounded-t-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
                candidate === selected
                  ? 'border-b-2 border-sky-600 text-slate-900 dark:border-sky-400 dark:text-white'
                  : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
              }`}
            >
              {TOOL_LABELS[candidate]}
            </button>
          ))}
        </div>
        {commands && selected && (
          <div
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={`${id}-tab-${selected}`}
            className="space-y-3 p-4"
          >
            {STEPS.map((step) => (
              <div key={step.key}>
                <div className="mb-1 flex items-center justify-between gap-2">
                  <span className={`text-xs font-medium ${MUTED}`}>{step.label}</span>
                  <CopyButton
                    value={commands[step.key]}
                    label={`${TOOL_LABELS[selected]} ${step.key} command`}
                  />
                </div>
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
                  {commands[step.key]}
                </pre>
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

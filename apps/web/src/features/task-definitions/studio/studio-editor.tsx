import {
  applyFix,
  lintTaskDefinition,
  type ConversionNote,
  type LintFinding,
} from '@deckhand/shared/taskdef';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { LINK, MUTED } from '../../../components/ui/styles';
import { ApiError } from '../../../lib/api-client';
import { formatTime } from '../../../lib/format';
import { regionSearch } from '../../../lib/url-state';
import { useRegisterTaskDefinition } from '../api/use-register-task-definition';
import { TaskDefinitionsBreadcrumb } from '../components/breadcrumb';
import { TaskDefinitionDiff } from '../diff/task-definition-diff';
import { DropZone } from './drop-zone';
import { ExportDockerrunDialog } from './export-dockerrun-dialog';
import { TaskDefinitionForm } from './form/task-definition-form';
import { HelperNotice, HelpersMenu, type HelperResult } from './helpers-menu';
import { ImportDialog, type ImportedDraft } from './import-dialog';
import { JsonEditor, type JsonEditorHandle } from './json-editor/json-editor';
import { useLeaveGuard } from './leave-guard';
import { notesForPanel } from './lib/import-text';
import { LintPanel } from './lint-panel';
import { RegisterBar } from './register-bar';
import { DiscardDialog, DraftNotices, SyntaxBanner } from './studio-notices';
import { useStudioDraft, type StudioBase } from './use-studio-draft';
import { defaultView, ViewSwitch, type StudioView } from './view-switch';

/** Renders the registry's image picker for the form's image field (composed in app/). */
export type ImagePickerRenderer = (props: {
  value: string;
  onChoose(image: string): void;
  onClose(): void;
}) => ReactNode;

export interface StudioEditorProps {
  base: StudioBase;
  /** The draft to start from instead of the base (an import made before the editor opened). */
  initialText?: string | undefined;
  /** Importer notes to keep in the lint panel (unknown members, placeholders). */
  initialNotes?: readonly ConversionNote[];
  /** The revision the draft is based on (`{family, revision}`), or none for a new one. */
  baseRevision?: { family: string; revision: number } | undefined;
  region: string | undefined;
  readOnly: boolean;
  renderImagePicker?: ImagePickerRenderer | undefined;
}

/**
 * The studio itself: form and JSON views of one draft kept in sync, the live lint, helpers,
 * import/export, compare with the base, and register. The draft is autosaved in the browser.
 */
/** Columns per view: split puts the form beside the JSON; the form view keeps the lint beside it. */
const LAYOUT: Record<StudioView, string> = {
  split: 'xl:grid-cols-2',
  form: 'xl:grid-cols-[minmax(0,1fr)_26rem]',
  json: '',
};

/** Beside the form, the lint scrolls within the window rather than running off it. */
const LINT_HEIGHT: Record<StudioView, string> = {
  split: 'xl:max-h-[calc(45vh-6rem)] xl:overflow-y-auto',
  form: 'xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto',
  json: '',
};

export function StudioEditor({
  base,
  initialText,
  initialNotes = [],
  baseRevision,
  region,
  readOnly,
  renderImagePicker,
}: StudioEditorProps) {
  const draft = useStudioDraft(base, initialText);
  const navigate = useNavigate();
  const register = useRegisterTaskDefinition(region);
  const leave = useLeaveGuard(draft.dirty);
  const jsonEditor = useRef<JsonEditorHandle>(null);
  const lintPanel = useRef<HTMLElement>(null);

  const [view, setView] = useState<StudioView>(defaultView);
  const [notes, setNotes] = useState<readonly ConversionNote[]>(() => notesForPanel(initialNotes));
  const [helperResult, setHelperResult] = useState<HelperResult>();
  const [dialog, setDialog] = useState<'import' | 'export' | 'discard'>();
  const [importSeed, setImportSeed] = useState({ text: '', nonce: 0 });
  const [dropError, setDropError] = useState<string>();
  const [compare, setCompare] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ path: string; nonce: number }>();
  /** A reveal waiting for the JSON view to be shown. */
  const [pendingReveal, setPendingReveal] = useState<{ path: string; nonce: number }>();
  const [serverFindings, setServerFindings] = useState<{
    text: string;
    findings: readonly LintFinding[];
  }>();

  const deferredDocument = useDeferredValue(draft.document);
  const findings = useMemo(
    () => (deferredDocument ? lintTaskDefinition(deferredDocument) : []),
    [deferredDocument],
  );
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  const refused = serverFindings?.text === draft.text ? serverFindings.findings : undefined;
  const editorFindings = useMemo(() => [...(refused ?? []), ...findings], [refused, findings]);

  useEffect(() => {
    if (pendingReveal) jsonEditor.current?.revealPath(pendingReveal.path);
  }, [pendingReveal]);

  const reveal = (path: string) => {
    if (!draft.document) {
      // The form cannot show anything of a text that does not parse: go to the JSON.
      if (view === 'form') setView('json');
      setPendingReveal((current) => ({ path, nonce: (current?.nonce ?? 0) + 1 }));
      return;
    }
    jsonEditor.current?.revealPath(path);
    setFocusRequest((current) => ({ path, nonce: (current?.nonce ?? 0) + 1 }));
  };

  const onApplyFix = (finding: LintFinding) => {
    if (finding.fix && draft.document) draft.setDocument(applyFix(draft.document, finding.fix));
  };

  const onImport = ({ taskDefinition, notes: importNotes }: ImportedDraft) => {
    draft.setDocument(taskDefinition);
    setNotes(notesForPanel(importNotes));
    setDialog(undefined);
  };

  const onRegister = () => {
    const document = draft.document;
    if (!document) return;
    const text = draft.text;
    register.mutate(
      { taskDefinition: document },
      {
        onSuccess: ({ taskDefinition }) => {
          draft.finish();
          leave.release();
          const family =
            taskDefinition.family ?? (typeof document.family === 'string' ? document.family : '');
          const path = `/task-definitions/${encodeURIComponent(family)}`;
          void navigate(
            `${taskDefinition.revision === undefined ? path : `${path}/${taskDefinition.revision}`}${regionSearch(region)}`,
            { state: { registered: true } },
          );
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'lint_failed')
            setServerFindings({ text, findings: error.findings ?? [] });
        },
      },
    );
  };

  const baseLabel = baseRevision ? `${baseRevision.family}:${baseRevision.revision}` : undefined;
  const keep = regionSearch(region);
  const status = !draft.dirty
    ? 'No changes'
    : draft.savedAt
      ? `Saved locally ${formatTime(draft.savedAt)}`
      : 'Unsaved';
  const parsed = draft.parsed;

  return (
    <DropZone
      className="space-y-4"
      onText={(text) => {
        setDropError(undefined);
        setImportSeed((current) => ({ text, nonce: current.nonce + 1 }));
        setDialog('import');
      }}
      onError={setDropError}
    >
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <TaskDefinitionsBreadcrumb region={region} family={baseRevision?.family} />
          <h1 id="studio-heading" className="text-xl font-semibold tracking-tight">
            {baseRevision ? baseRevision.family : 'New task definition'}
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {baseRevision && baseLabel && (
              <>
                from{' '}
                <Link
                  to={`/task-definitions/${encodeURIComponent(baseRevision.family)}/${baseRevision.revision}${keep}`}
                  className={`${LINK} font-mono`}
                >
                  {baseLabel}
                </Link>
                {' · '}
              </>
            )}
            <span>{status}</span>
          </p>
        </div>
        <RegisterBar
          readOnly={readOnly}
          parses={draft.document !== undefined}
          errorCount={errorCount}
          pending={register.isPending}
          error={register.error}
          onRegister={onRegister}
          onShowErrors={() => {
            const first = lintPanel.current?.querySelector<HTMLElement>('[data-finding="error"]');
            first?.scrollIntoView({ block: 'nearest' });
            first?.focus();
          }}
        />
      </header>

      <DraftNotices
        restoredFrom={draft.restoredFrom}
        error={draft.storageError ?? dropError}
        onDiscard={() => setDialog('discard')}
        onKeep={draft.dismissRestored}
      />

      <div role="group" aria-label="Studio actions" className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setDialog('import')}>Import…</Button>
        <Button disabled={!draft.document} onClick={() => setDialog('export')}>
          Export Dockerrun
        </Button>
        <HelpersMenu
          draft={draft.document}
          onApply={(result) => {
            draft.setDocument(result.taskDefinition);
            setHelperResult(result);
          }}
        />
        {baseLabel && (
          <Button aria-pressed={compare} onClick={() => setCompare((current) => !current)}>
            Compare with base
          </Button>
        )}
        <Button disabled={!draft.dirty} onClick={() => setDialog('discard')}>
          Discard draft
        </Button>
        <span className="ml-auto">
          <ViewSwitch view={view} onChange={setView} />
        </span>
      </div>

      {helperResult && (
        <HelperNotice result={helperResult} onDismiss={() => setHelperResult(undefined)} />
      )}

      {compare && baseLabel && (
        <section aria-label={`Changes from ${baseLabel}`} className="space-y-2">
          {draft.document ? (
            <TaskDefinitionDiff
              before={base.document}
              after={draft.document}
              beforeLabel={baseLabel}
              afterLabel="Draft"
            />
          ) : (
            <p className={`text-sm ${MUTED}`}>The draft does not parse: fix the JSON to compare.</p>
          )}
        </section>
      )}

      {/* The form scrolls with the page; the JSON editor and the lint stay beside it (split),
          or the lint beside the form (form view). */}
      <div className={`grid items-start gap-4 ${LAYOUT[view]}`}>
        <section aria-label="Form" hidden={view === 'json'} className="min-w-0">
          {draft.document ? (
            <TaskDefinitionForm
              value={draft.document}
              onChange={draft.setDocument}
              findings={editorFindings}
              onApplyFix={onApplyFix}
              {...(focusRequest && { focusRequest })}
              {...(renderImagePicker && { renderImagePicker })}
              {...(region && { region })}
            />
          ) : (
            <SyntaxBanner
              parsed={parsed}
              onShowJson={view === 'form' ? () => setView('json') : undefined}
            />
          )}
        </section>
        <div className="min-w-0 space-y-4 xl:sticky xl:top-4">
          <section
            aria-label="JSON"
            hidden={view === 'form'}
            className={`min-w-0 ${view === 'json' ? 'h-[calc(100vh-20rem)] min-h-96' : 'h-[55vh] min-h-80'}`}
          >
            <JsonEditor
              ref={jsonEditor}
              value={draft.text}
              onChange={draft.setText}
              findings={editorFindings}
              onApplyFix={onApplyFix}
              ariaLabel="Task definition JSON"
            />
          </section>
          <div className={LINT_HEIGHT[view]}>
            <LintPanel
              ref={lintPanel}
              findings={findings}
              serverFindings={refused}
              notes={notes}
              onReveal={reveal}
              onApplyFix={onApplyFix}
            />
          </div>
        </div>
      </div>

      {dialog === 'import' && (
        <ImportDialog
          key={importSeed.nonce}
          initialText={importSeed.text}
          family={baseRevision?.family}
          onReplace={onImport}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'export' && draft.document && (
        <ExportDockerrunDialog document={draft.document} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'discard' && (
        <DiscardDialog
          baseLabel={baseLabel}
          onCancel={() => setDialog(undefined)}
          onDiscard={() => {
            draft.discard();
            setNotes([]);
            setServerFindings(undefined);
            setDialog(undefined);
          }}
        />
      )}
      {leave.dialog}
    </DropZone>
  );
}

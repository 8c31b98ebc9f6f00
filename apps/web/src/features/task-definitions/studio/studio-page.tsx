import type { HealthResponse } from '@deckhand/shared';
import { importTaskDefinition, type ConversionNote } from '@deckhand/shared/taskdef';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { MUTED, PANEL } from '../../../components/ui/styles';
import { taskDefinitionQueryOptions } from '../api/task-definitions-queries';
import { TaskDefinitionsBreadcrumb } from '../components/breadcrumb';
import { parseRevisionNumber } from '../diff/lib/compare-defaults';
import { ImportDialog } from './import-dialog';
import { draftKey, loadDraft } from './lib/draft-storage';
import { fargateStarter, toText } from './lib/starter';
import { StudioEditor, type ImagePickerRenderer } from './studio-editor';

export type { ImagePickerRenderer } from './studio-editor';

export interface StudioPageProps {
  /** The health answer (`useHealth()`): in read-only mode registering is turned off. */
  environment?: Pick<HealthResponse, 'readOnly'> | undefined;
  renderImagePicker?: ImagePickerRenderer | undefined;
}

/**
 * The task-definition studio: `/task-definitions/new` (a new family, from the Fargate starter or
 * an import) and `/task-definitions/:family/:revision/edit` (a new revision from that one).
 */
export function StudioPage({ environment, renderImagePicker }: StudioPageProps) {
  const { family, revision } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const readOnly = environment?.readOnly ?? false;
  return (
    <section aria-labelledby="studio-heading" className="space-y-4">
      {family === undefined ? (
        <NewStudio region={region} readOnly={readOnly} renderImagePicker={renderImagePicker} />
      ) : (
        <EditStudio
          region={region}
          family={family}
          revisionParam={revision}
          readOnly={readOnly}
          renderImagePicker={renderImagePicker}
        />
      )}
    </section>
  );
}

interface StudioRouteProps {
  region: string | undefined;
  readOnly: boolean;
  renderImagePicker: ImagePickerRenderer | undefined;
}

function NewStudio({ region, readOnly, renderImagePicker }: StudioRouteProps) {
  const key = draftKey(undefined);
  const base = useMemo(() => ({ storageKey: key, document: fargateStarter() }), [key]);
  // A draft from an earlier visit goes straight to the editor; otherwise the user picks a start.
  const [start, setStart] = useState<{ text?: string; notes: ConversionNote[] } | undefined>(() =>
    loadDraft(key) ? { notes: [] } : undefined,
  );
  const [importing, setImporting] = useState(false);

  if (start)
    return (
      <StudioEditor
        base={base}
        initialText={start.text}
        initialNotes={start.notes}
        region={region}
        readOnly={readOnly}
        renderImagePicker={renderImagePicker}
      />
    );
  return (
    <>
      <header>
        <TaskDefinitionsBreadcrumb region={region} />
        <h1 id="studio-heading" className="text-xl font-semibold tracking-tight">
          New task definition
        </h1>
      </header>
      <div className={`${PANEL} space-y-3 p-6 text-center`}>
        <p className="font-medium">How do you want to start?</p>
        <p className={`text-sm ${MUTED}`}>
          A minimal Fargate task definition (0.25 vCPU, 512 MiB, one container) to fill in, or an
          existing task definition or Dockerrun.aws.json to paste or upload.
        </p>
        <div className="flex justify-center gap-2">
          <Button variant="primary" onClick={() => setStart({ notes: [] })}>
            Start blank (Fargate)
          </Button>
          <Button onClick={() => setImporting(true)}>Import…</Button>
        </div>
      </div>
      {importing && (
        <ImportDialog
          onReplace={({ taskDefinition, notes }) =>
            setStart({ text: toText(taskDefinition), notes })
          }
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}

function EditStudio({
  region,
  family,
  revisionParam,
  readOnly,
  renderImagePicker,
}: StudioRouteProps & { family: string; revisionParam: string | undefined }) {
  const revision = parseRevisionNumber(revisionParam);
  const query = useQuery({
    ...taskDefinitionQueryOptions({ region, family, revision: revision ?? 0 }),
    enabled: revision !== undefined,
  });
  const registered = query.data?.taskDefinition;
  const base = useMemo(() => {
    if (!registered || revision === undefined) return undefined;
    // Drop what DescribeTaskDefinition adds (ARN, revision, status…): the draft is register input.
    const imported = importTaskDefinition(registered, { family });
    return imported.ok
      ? {
          ok: true as const,
          storageKey: draftKey({ region, family, revision }),
          document: imported.taskDefinition,
          notes: imported.notes,
        }
      : { ok: false as const, error: imported.error };
  }, [registered, region, family, revision]);

  const heading = (
    <header>
      <TaskDefinitionsBreadcrumb region={region} family={family} />
      <h1 id="studio-heading" className="text-xl font-semibold tracking-tight">
        {family}
      </h1>
    </header>
  );

  if (revision === undefined)
    return (
      <>
        {heading}
        <EmptyState title={`“${revisionParam ?? ''}” is not a revision number.`}>
          Pick a revision from the family’s list.
        </EmptyState>
      </>
    );
  if (query.isError)
    return (
      <>
        {heading}
        <QueryError title="The task definition could not be loaded" query={query} />
      </>
    );
  if (!base)
    return (
      <>
        {heading}
        <Skeleton label="task definition" rows={6} />
      </>
    );
  if (!base.ok)
    return (
      <>
        {heading}
        <EmptyState title={`${family}:${revision} cannot be edited here.`}>{base.error}</EmptyState>
      </>
    );
  return (
    <StudioEditor
      key={base.storageKey}
      base={base}
      initialNotes={base.notes}
      baseRevision={{ family, revision }}
      region={region}
      readOnly={readOnly}
      renderImagePicker={renderImagePicker}
    />
  );
}

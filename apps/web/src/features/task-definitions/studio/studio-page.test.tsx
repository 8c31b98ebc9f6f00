import type { EcsTaskDefinition } from '@deckhand/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { forwardRef, useImperativeHandle } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { buildWebTaskDefinition } from '../testing/fixtures';
import { StudioPage } from './studio-page';

const reveals: string[] = [];

// CodeMirror needs layout jsdom does not have: a textarea stands in for the JSON editor.
vi.mock('./json-editor/json-editor', () => ({
  JsonEditor: forwardRef(function FakeJsonEditor(
    props: { value: string; onChange(text: string): void; ariaLabel?: string },
    ref,
  ) {
    useImperativeHandle(ref, () => ({
      revealPath: (path: string) => reveals.push(path),
      focus: () => undefined,
    }));
    return (
      <textarea
        aria-label={props.ariaLabel ?? 'Task definition JSON'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    );
  }),
}));

const KEY = 'deckhand.studio.draft:home:web:7';

/** The fixture with the Fargate stream prefix, so it lints without errors. */
function cleanDefinition(overrides: Partial<EcsTaskDefinition> = {}): EcsTaskDefinition {
  const definition = buildWebTaskDefinition();
  const [web, daemon] = definition.containerDefinitions ?? [];
  return {
    ...definition,
    containerDefinitions: [
      {
        ...web,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/web',
            'awslogs-region': 'us-east-1',
            'awslogs-stream-prefix': 'web',
          },
        },
      },
      ...(daemon ? [daemon] : []),
    ],
    ...overrides,
  };
}

type Answer = { status: number; body: unknown };

function renderStudio({
  url = '/task-definitions/web/7/edit',
  definition = cleanDefinition(),
  register = (): Answer => ({ status: 200, body: {} }),
  readOnly = false,
}: {
  url?: string;
  definition?: EcsTaskDefinition;
  register?: (body: unknown) => Answer;
  readOnly?: boolean;
} = {}) {
  const fetchMock = stubFetch((input: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      const answer = register(JSON.parse(typeof init.body === 'string' ? init.body : '{}'));
      return json(answer.body, answer.status);
    }
    if (input.startsWith('/api/v1/task-definitions/web/7'))
      return json({ ...fresh, taskDefinition: definition, tags: [] });
    return json({ error: { code: 'not_found', message: 'no', requestId: 'r' } }, 404);
  });
  const studio = <StudioPage environment={{ readOnly }} />;
  const view = renderRoutes(
    [
      { path: '/task-definitions/new', element: studio },
      { path: '/task-definitions/:family/:revision/edit', element: studio },
      { path: '/task-definitions/:family/:revision', element: <p>Revision page</p> },
      { path: '/task-definitions', element: <p>Families page</p> },
    ],
    url,
  );
  return { fetchMock, ...view };
}

/** The JSON view (hidden below 1280px, where the studio opens on the form: jsdom has no width). */
const jsonView = () =>
  screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Task definition JSON', hidden: true });

/** Waits for the editor: the base revision has loaded. */
const opened = () => screen.findByRole('textbox', { name: 'Task definition JSON', hidden: true });

function editJson(change: (document: Record<string, unknown>) => void) {
  const textarea = jsonView();
  const document = JSON.parse(textarea.value) as Record<string, unknown>;
  change(document);
  fireEvent.change(textarea, { target: { value: JSON.stringify(document, null, 2) } });
}

beforeEach(() => {
  localStorage.clear();
  reveals.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('StudioPage: a new revision from an existing one', { timeout: 15_000 }, () => {
  it('starts from the revision without its read-only members', async () => {
    renderStudio();
    await opened();
    expect(screen.getByRole('heading', { level: 1, name: 'web' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'web:7' })).toBeTruthy();
    expect(screen.getByText('No changes')).toBeTruthy();
    const document = JSON.parse(jsonView().value) as Record<string, unknown>;
    expect(document.family).toBe('web');
    expect(document).not.toHaveProperty('revision');
    expect(document).not.toHaveProperty('taskDefinitionArn');
    expect(document).not.toHaveProperty('registeredAt');
  });

  it('marks an edit unsaved, autosaves it, and restores it after a reload', async () => {
    const first = renderStudio();
    await opened();
    editJson((document) => (document.memory = '2048'));
    expect(screen.getByText('Unsaved')).toBeTruthy();
    expect(await screen.findByText(/^Saved locally/)).toBeTruthy();
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { text: string };
    expect(saved.text).toContain('"memory": "2048"');

    first.view.unmount();
    vi.unstubAllGlobals();
    renderStudio();
    expect(await screen.findByText(/^Restored your draft from/)).toBeTruthy();
    expect(jsonView().value).toContain('"memory": "2048"');
  });

  it('discards the draft, here and in storage', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ text: '{"family": "web"}', savedAt: '2026-11-26T10:00:00.000Z' }),
    );
    renderStudio();
    await screen.findByText(/^Restored your draft from/);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard the draft?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(JSON.parse(jsonView().value)).toHaveProperty('containerDefinitions');
    await waitFor(() => expect(localStorage.getItem(KEY)).toBeNull());
    expect(screen.getByText('No changes')).toBeTruthy();
  });

  it('lists a lint finding; clicking it focuses the field in the form and the JSON', async () => {
    renderStudio();
    await opened();
    editJson((document) => (document.family = 'bad family!'));
    const panel = screen.getByRole('region', { name: 'Lint' });
    const finding = await within(panel).findByRole('button', { name: /must be 1–255/ });
    fireEvent.click(finding);
    expect(reveals).toEqual(['family']);
    await waitFor(() =>
      expect((document.activeElement as HTMLInputElement | null)?.value).toBe('bad family!'),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Register' }).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Fix 1 error first' })).toBeTruthy();
  });

  it('shows a syntax error in the form without losing the text', async () => {
    renderStudio();
    await opened();
    fireEvent.change(jsonView(), { target: { value: '{\n  "family": "web",\n}' } });
    expect(
      screen.getByText(
        'The JSON has a syntax error at line 3, column 1 — fix it in the JSON view.',
        { exact: false },
      ),
    ).toBeTruthy();
    expect(jsonView().value).toBe('{\n  "family": "web",\n}');
    expect(screen.getByText('Fix the JSON syntax error first.')).toBeTruthy();
  });

  it('registers the draft, clears it and opens the new revision', async () => {
    const bodies: unknown[] = [];
    const { fetchMock, router } = renderStudio({
      register: (body) => {
        bodies.push(body);
        return {
          status: 201,
          body: {
            ...fresh,
            tags: [],
            taskDefinition: cleanDefinition({ revision: 8, memory: '2048' }),
          },
        };
      },
    });
    await opened();
    editJson((document) => (document.memory = '2048'));
    await screen.findByText(/^Saved locally/);
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Revision page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/task-definitions/web/8');
    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/task-definitions');
    expect((post?.[1]?.headers as Record<string, string>)['x-deckhand-request']).toBe('1');
    const sent = (bodies[0] as { taskDefinition: Record<string, unknown> }).taskDefinition;
    expect(sent.memory).toBe('2048');
    expect(sent).not.toHaveProperty('revision');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('shows the server’s findings on 422 and AWS’s message on other refusals', async () => {
    let answer: Answer = {
      status: 422,
      body: {
        error: {
          code: 'lint_failed',
          message: 'The task definition has lint errors.',
          requestId: 'req-1',
          findings: [
            {
              ruleId: 'container-image-missing',
              severity: 'error',
              path: 'containerDefinitions[0].image',
              message: 'Container "web" has no image.',
            },
          ],
        },
      },
    };
    renderStudio({ register: () => answer });
    await opened();
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    const refused = await screen.findByRole('region', { name: 'Refused by the server' });
    expect(within(refused).getByText('Container "web" has no image.')).toBeTruthy();

    answer = {
      status: 400,
      body: {
        error: {
          code: 'bad_request',
          message: 'ClientException: Invalid setting for container web.',
          requestId: 'req-2',
        },
      },
    };
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(
      await screen.findByText('ClientException: Invalid setting for container web.'),
    ).toBeTruthy();
  });

  it('turns registering off in read-only mode, saying why', async () => {
    renderStudio({ readOnly: true });
    await opened();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Register' }).disabled).toBe(true);
    expect(screen.getByText(/read-only mode/)).toBeTruthy();
  });

  it('asks before leaving a draft with changes', async () => {
    const { router } = renderStudio();
    await opened();
    editJson((document) => (document.memory = '2048'));
    await act(() => router.navigate('/task-definitions'));
    const dialog = screen.getByRole('dialog', { name: 'Leave without registering?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/task-definitions/web/7/edit');
    await act(() => router.navigate('/task-definitions'));
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('Families page')).toBeTruthy();
  });

  it('compares the draft with its base revision', async () => {
    renderStudio();
    await opened();
    editJson((document) => (document.memory = '2048'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare with base' }));
    const panel = screen.getByRole('region', { name: 'Changes from web:7' });
    const task = within(panel).getByRole('region', { name: 'Changes to Task' });
    expect(within(task).getByText('cpu/memory')).toBeTruthy();
    expect(within(task).getByText('2048')).toBeTruthy();
  });

  it('exports the draft as a Dockerrun.aws.json', async () => {
    renderStudio({
      definition: cleanDefinition({
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        compatibilities: ['EC2'],
      }),
    });
    await opened();
    fireEvent.click(screen.getByRole('button', { name: 'Export Dockerrun' }));
    const dialog = screen.getByRole('dialog', { name: 'Export Dockerrun.aws.json' });
    expect(within(dialog).getByLabelText('Dockerrun.aws.json').textContent).toContain(
      '"AWSEBDockerrunVersion": 2',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Download Dockerrun.aws.json' }),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy Dockerrun.aws.json' })).toBeTruthy();
  });

  it('imports a file dropped on the studio', async () => {
    renderStudio();
    await opened();
    const file = new File(
      [JSON.stringify({ family: 'dropped', containerDefinitions: [] })],
      'td.json',
    );
    const studio = screen.getByRole('heading', { level: 1, name: 'web' });
    fireEvent.dragEnter(studio, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(
      screen.getByText('Drop a task definition or Dockerrun.aws.json to import it'),
    ).toBeTruthy();
    fireEvent.drop(studio, { dataTransfer: { types: ['Files'], files: [file] } });
    const dialog = await screen.findByRole('dialog', { name: 'Import a task definition' });
    expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox').value).toContain('dropped');
  });

  it('adds the X-Ray sidecar with a helper and shows its notes', async () => {
    const definition = cleanDefinition();
    renderStudio({
      definition: {
        ...definition,
        containerDefinitions: definition.containerDefinitions?.slice(0, 1),
      },
    });
    await opened();
    fireEvent.click(screen.getByRole('button', { name: /Helpers/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add X-Ray daemon sidecar' }));
    expect(jsonView().value).toContain('"name": "xray-daemon"');
    const notice = screen.getByRole('status', { name: 'X-Ray daemon sidecar added' });
    expect(within(notice).getByText(/ADOT/)).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'X-Ray daemon sidecar added' })).toBeNull();
  });
});

describe('StudioPage: a new task definition', { timeout: 15_000 }, () => {
  it('starts blank from the Fargate starter', () => {
    renderStudio({ url: '/task-definitions/new' });
    expect(screen.getByRole('heading', { level: 1, name: 'New task definition' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start blank (Fargate)' }));
    expect(JSON.parse(jsonView().value)).toMatchObject({
      family: 'my-app',
      requiresCompatibilities: ['FARGATE'],
    });
    expect(screen.getByRole('region', { name: 'Lint' }).textContent).toContain('0 errors');
  });

  it('imports a pasted Dockerrun v2 file as a registrable task definition', async () => {
    renderStudio({ url: '/task-definitions/new' });
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a task definition' });
    fireEvent.change(within(dialog).getByRole('textbox'), {
      target: {
        value: JSON.stringify({
          AWSEBDockerrunVersion: 2,
          containerDefinitions: [
            { name: 'php-app', image: 'php:8.3-fpm', essential: true, memory: 128 },
          ],
        }),
      },
    });
    await within(dialog).findByText(/Dockerrun\.aws\.json: converted/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    const document = JSON.parse(jsonView().value) as Record<string, unknown>;
    expect(document.networkMode).toBe('bridge');
    expect(document).toHaveProperty('family');
    expect(screen.getByRole('region', { name: 'Lint' }).textContent).toContain('0 errors');
  });

  it('imports a chosen file', async () => {
    renderStudio({ url: '/task-definitions/new' });
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a task definition' });
    const file = new File(
      [JSON.stringify([{ name: 'app', image: 'nginx:1.27', memory: 256 }])],
      'c.json',
    );
    fireEvent.change(within(dialog).getByLabelText('Or choose a file'), {
      target: { files: [file] },
    });
    await waitFor(() =>
      expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox').value).toContain('nginx'),
    );
    await within(dialog).findByText('Task definition.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    expect(JSON.parse(jsonView().value)).toMatchObject({
      containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }],
    });
  });

  it('imports pasted describe output with nulls, and says what it removed', async () => {
    renderStudio({ url: '/task-definitions/new' });
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import a task definition' });
    fireEvent.change(within(dialog).getByRole('textbox'), {
      target: {
        value: JSON.stringify({
          taskDefinition: { ...cleanDefinition(), pidMode: null },
          tags: [],
        }),
      },
    });
    expect(await within(dialog).findByText(/Removed \(read-only/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace draft' }));
    const document = JSON.parse(jsonView().value) as Record<string, unknown>;
    expect(document.family).toBe('web');
    expect(document).not.toHaveProperty('pidMode');
    expect(document).not.toHaveProperty('status');
  });
});

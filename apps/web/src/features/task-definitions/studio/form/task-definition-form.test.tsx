import {
  applyFix,
  lintTaskDefinition,
  type JsonObject,
  type LintFinding,
} from '@deckhand/shared/taskdef';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TaskDefinitionForm, type TaskDefinitionFormProps } from './task-definition-form';

const fargateDoc = (): JsonObject => ({
  family: 'web',
  'x-pipeline': { stage: 'prod' },
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2',
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [{ name: 'PORT', value: '8080' }],
      dockerLabels: { team: 'payments' },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
    },
  ],
  volumes: [{ name: 'scratch' }],
});

type Extra = Partial<Omit<TaskDefinitionFormProps, 'value' | 'onChange'>>;

/** The form over a document in state, as the studio holds it; `onChange` records every edit. */
function renderForm(initial: JsonObject, extra: Extra = {}) {
  const onChange = vi.fn<(next: JsonObject) => void>();
  function Harness(props: Extra) {
    const [document, setDocument] = useState(initial);
    return (
      <TaskDefinitionForm
        value={document}
        findings={[]}
        onChange={(next) => {
          onChange(next);
          setDocument(next);
        }}
        {...props}
      />
    );
  }
  const view = render(<Harness {...extra} />);
  const last = (): JsonObject => {
    const call = onChange.mock.lastCall;
    if (!call) throw new Error('onChange was not called');
    return call[0];
  };
  return { onChange, last, rerender: (props: Extra) => view.rerender(<Harness {...props} />) };
}

const input = (element: HTMLElement) => element as HTMLInputElement;
const containerOf = (document: JsonObject, index = 0) =>
  (document.containerDefinitions as JsonObject[])[index] as JsonObject;

describe('TaskDefinitionForm', () => {
  it('shows a Fargate task definition in labelled fields', () => {
    renderForm(fargateDoc());
    expect(input(screen.getByLabelText('Family')).value).toBe('web');
    expect(input(screen.getByLabelText('Network mode')).value).toBe('awsvpc');
    expect(input(screen.getByLabelText('FARGATE')).checked).toBe(true);
    expect(input(screen.getByLabelText('EC2')).checked).toBe(false);
    expect(input(screen.getByLabelText('Task CPU')).value).toBe('512');
    expect(input(screen.getByLabelText('Task memory')).value).toBe('1024');
    const web = screen.getByRole('region', { name: 'web' });
    const image = input(within(web).getByLabelText('Image'));
    expect(image.value).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2');
    expect(image.dataset.path).toBe('containerDefinitions[0].image');
    expect(image.id).not.toBe('');
    expect(input(within(web).getByLabelText('Container port')).value).toBe('8080');
    const hostPort = input(within(web).getByLabelText('Host port'));
    expect(hostPort.disabled).toBe(true);
    expect(within(web).getByText('awsvpc: host port = container port (leave empty).')).toBeTruthy();
    expect(input(within(web).getByLabelText('Environment variable 1 name')).value).toBe('PORT');
    expect(screen.getByText('x-pipeline')).toBeTruthy();
    // The labels end-to-end tests use match one field each, even as substrings (Playwright's getByLabel).
    for (const label of [/family/i, /network mode/i, /task cpu/i, /task memory/i])
      expect(screen.getAllByLabelText(label)).toHaveLength(1);
    for (const label of [/image/i, /container port/i, /host port/i])
      expect(within(web).getAllByLabelText(label)).toHaveLength(1);
    for (const name of ['Task', 'Roles', 'Containers', 'Volumes', 'Tags'])
      expect(screen.getByRole('region', { name })).toBeTruthy();
  });

  it('offers only the memory values valid with the chosen CPU, written as strings', () => {
    const { last } = renderForm(fargateDoc());
    fireEvent.change(screen.getByLabelText('Task CPU'), { target: { value: '1024' } });
    expect(last().cpu).toBe('1024');
    expect(last().memory).toBe('2048');
    const memory = screen.getByLabelText<HTMLSelectElement>('Task memory');
    expect(Array.from(memory.options).map((option) => option.value)).toEqual([
      '2048',
      '3072',
      '4096',
      '5120',
      '6144',
      '7168',
      '8192',
    ]);
    expect(memory.options[0]?.textContent).toBe('2 GB (2048)');
    fireEvent.change(memory, { target: { value: '6144' } });
    expect(last().memory).toBe('6144');
    const cpu = screen.getByLabelText<HTMLSelectElement>('Task CPU');
    expect(Array.from(cpu.options).map((option) => option.textContent)).toContain('.25 vCPU (256)');
  });

  it('shows a pasted invalid Fargate pair as it is, marked invalid', () => {
    renderForm({ ...fargateDoc(), cpu: '256', memory: '4096' });
    const memory = screen.getByLabelText<HTMLSelectElement>('Task memory');
    expect(memory.selectedOptions[0]?.textContent).toBe('4096 (current)');
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('not valid with this CPU on Fargate')).toBeTruthy();
  });

  it('writes a typed image and keeps the members it does not know, in order', () => {
    const { last } = renderForm(fargateDoc());
    const web = screen.getByRole('region', { name: 'web' });
    fireEvent.change(within(web).getByLabelText('Image'), { target: { value: 'nginx:1.27' } });
    const next = last();
    expect(containerOf(next).image).toBe('nginx:1.27');
    expect(containerOf(next).dockerLabels).toEqual({ team: 'payments' });
    expect(next['x-pipeline']).toEqual({ stage: 'prod' });
    expect(Object.keys(next)).toEqual(Object.keys(fargateDoc()));
    expect(Object.keys(containerOf(next))).toEqual(Object.keys(containerOf(fargateDoc())));
  });

  it('removes a member whose input is emptied instead of writing ""', () => {
    const { last } = renderForm(fargateDoc());
    fireEvent.change(screen.getByLabelText('Execution role ARN'), { target: { value: '' } });
    expect(Object.hasOwn(last(), 'executionRoleArn')).toBe(false);
  });

  it('adds a port mapping without a host port in awsvpc and focuses its container port', () => {
    const { last } = renderForm(fargateDoc());
    const web = screen.getByRole('region', { name: 'web' });
    fireEvent.click(within(web).getByRole('button', { name: 'Add port mapping' }));
    const mappings = containerOf(last()).portMappings as JsonObject[];
    expect(mappings).toHaveLength(2);
    expect(mappings[1]).toEqual({ protocol: 'tcp' });
    const second = within(web).getByRole('group', { name: 'Port mapping 2' });
    const containerPort = within(second).getByLabelText('Container port');
    expect(document.activeElement).toBe(containerPort);
    fireEvent.change(containerPort, { target: { value: '9090' } });
    expect((containerOf(last()).portMappings as JsonObject[])[1]).toEqual({
      protocol: 'tcp',
      containerPort: 9090,
    });
  });

  it('lets a bridge task set a host port, with the dynamic-port hint', () => {
    const doc = { ...fargateDoc(), networkMode: 'bridge', requiresCompatibilities: ['EC2'] };
    const { last } = renderForm(doc);
    const web = screen.getByRole('region', { name: 'web' });
    expect(within(web).getByText(/0 or empty = dynamic host port \(32768–61000\)/)).toBeTruthy();
    const hostPort = input(within(web).getByLabelText('Host port'));
    expect(hostPort.disabled).toBe(false);
    fireEvent.change(hostPort, { target: { value: '0' } });
    expect((containerOf(last()).portMappings as JsonObject[])[0]?.hostPort).toBe(0);
    // EC2: free task size inputs.
    expect(screen.getByLabelText('Task CPU').tagName).toBe('INPUT');
  });

  it('keeps text that is not a number in the input, says so, and writes nothing', () => {
    const { onChange, last } = renderForm(fargateDoc());
    const port = screen.getByLabelText('Container port');
    fireEvent.change(port, { target: { value: '80a' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(input(port).value).toBe('80a');
    expect(screen.getByText('enter a number')).toBeTruthy();
    expect(port.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(port, { target: { value: '80' } });
    expect((containerOf(last()).portMappings as JsonObject[])[0]?.containerPort).toBe(80);
    expect(screen.queryByText('enter a number')).toBeNull();
    fireEvent.change(port, { target: { value: '' } });
    expect((containerOf(last()).portMappings as JsonObject[])[0]).toEqual({ protocol: 'tcp' });
  });

  it('shows findings at their field, counts them in the header, and applies a fix', () => {
    const fixable: LintFinding = {
      ruleId: 'fargate-invalid-size',
      severity: 'error',
      path: 'memory',
      message: 'Fargate does not run 512 CPU units with 1024 MiB.',
      docUrl:
        'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
      fix: { title: 'Use 2 GB', operations: [{ op: 'set', path: 'memory', value: '2048' }] },
    };
    const nested: LintFinding = {
      ruleId: 'linux-parameters',
      severity: 'warning',
      path: 'containerDefinitions[0].linuxParameters.capabilities',
      message: 'Capabilities are added.',
    };
    const onApplyFix = vi.fn();
    renderForm(fargateDoc(), { findings: [fixable, nested], onApplyFix });
    const message = screen.getByText(fixable.message);
    const field = message.closest('[data-anchor]');
    expect(field?.getAttribute('data-anchor')).toBe('memory');
    expect(within(field as HTMLElement).getByLabelText('Task memory')).toBeTruthy();
    expect(within(field as HTMLElement).getByText('fargate-invalid-size')).toBeTruthy();
    expect(
      within(field as HTMLElement)
        .getByRole('link', { name: 'docs' })
        .getAttribute('href'),
    ).toBe(fixable.docUrl);
    const task = screen.getByRole('region', { name: 'Task' });
    expect(within(task).getByText('1 error')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fix: Use 2 GB' }));
    expect(onApplyFix).toHaveBeenCalledWith(fixable);
    const web = screen.getByRole('region', { name: 'web' });
    expect(within(web).getByText('Capabilities are added.')).toBeTruthy();
    expect(within(web).getByText('1 warning')).toBeTruthy();
    // The card's header and the Containers section's header both count it.
    expect(
      within(screen.getByRole('region', { name: 'Containers' })).getAllByText('1 warning'),
    ).toHaveLength(2);
  });

  it('focuses the field a focus request names, opening what holds it', () => {
    const containers = Array.from({ length: 5 }, (_, index) => ({
      name: `app-${index}`,
      image: 'nginx',
      portMappings: [{ containerPort: 80 + index }],
    }));
    const doc = { ...fargateDoc(), containerDefinitions: containers };
    const { rerender } = renderForm(doc);
    // Five containers start folded.
    expect(
      within(screen.getByRole('region', { name: 'app-4' })).queryByLabelText('Image'),
    ).toBeNull();
    const path = 'containerDefinitions[4].portMappings[0].containerPort';
    rerender({ focusRequest: { path, nonce: 1 } });
    expect((document.activeElement as HTMLElement).dataset.path).toBe(path);
    // A path the form does not render: the nearest field above it.
    rerender({ focusRequest: { path: 'containerDefinitions[3].ulimits[0]', nonce: 2 } });
    expect((document.activeElement as HTMLElement).dataset.path).toBe(
      'containerDefinitions[3].name',
    );
    // A closed section opens.
    fireEvent.click(screen.getByRole('button', { name: 'Roles', expanded: true }));
    expect(screen.queryByLabelText('Task role ARN')).toBeNull();
    rerender({ focusRequest: { path: 'taskRoleArn', nonce: 3 } });
    expect(document.activeElement).toBe(screen.getByLabelText('Task role ARN'));
  });

  it('shows wrongly typed members read-only without crashing', () => {
    const doc: JsonObject = {
      family: ['web'],
      requiresCompatibilities: 'FARGATE',
      cpu: 256,
      runtimePlatform: 'linux',
      containerDefinitions: [
        {
          name: 'web',
          image: 42,
          essential: 'yes',
          portMappings: '80',
          environment: { A: '1' },
          secrets: [null, 'x'],
          healthCheck: 'none',
          logConfiguration: { logDriver: 7, options: ['a'] },
          dependsOn: [{ containerName: 3 }],
        },
        'oops',
      ],
      volumes: [{ name: 'efs', efsVolumeConfiguration: 'fs-1' }, 3],
      tags: { team: 'a' },
    };
    const { onChange } = renderForm(doc);
    expect(screen.getAllByText(/edit in JSON/).length).toBeGreaterThan(8);
    const web = screen.getByRole('region', { name: 'web' });
    const image = input(within(web).getByLabelText('Image'));
    expect(image.readOnly).toBe(true);
    expect(image.value).toBe('42');
    expect(screen.getByRole('region', { name: 'Container 2' })).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('edits environment rows, logging defaults and containers', () => {
    const { last } = renderForm(fargateDoc(), { region: 'eu-west-1' });
    const web = screen.getByRole('region', { name: 'web' });
    fireEvent.click(within(web).getByRole('button', { name: 'Add environment variable' }));
    fireEvent.change(within(web).getByLabelText('Environment variable 2 name'), {
      target: { value: 'LOG_LEVEL' },
    });
    expect(containerOf(last()).environment).toEqual([
      { name: 'PORT', value: '8080' },
      { name: 'LOG_LEVEL' },
    ]);
    fireEvent.click(within(web).getByRole('button', { name: 'Remove environment variable 1' }));
    expect(containerOf(last()).environment).toEqual([{ name: 'LOG_LEVEL' }]);

    fireEvent.click(within(web).getByRole('button', { name: 'Use awslogs defaults' }));
    expect(containerOf(last()).logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/web',
        'awslogs-region': 'eu-west-1',
        'awslogs-stream-prefix': 'ecs',
      },
    });

    fireEvent.change(within(web).getByLabelText('Health check command'), {
      target: { value: 'CMD-SHELL, curl -f http://localhost/ || exit 1' },
    });
    expect(containerOf(last()).healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
    });

    fireEvent.click(within(web).getByRole('button', { name: 'Duplicate web' }));
    expect((last().containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual([
      'web',
      'web-copy',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Move web-copy up' }));
    expect((last().containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual([
      'web-copy',
      'web',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove web-copy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add container' }));
    expect((last().containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual([
      'web',
      'container-2',
    ]);
    expect(document.activeElement).toBe(
      within(screen.getByRole('region', { name: 'container-2' })).getByLabelText('Container name'),
    );
  });

  it('opens the page image chooser and writes the chosen image', () => {
    const { last } = renderForm(fargateDoc(), {
      renderImagePicker: ({ value, onChoose, onClose }) => (
        <div role="dialog" aria-label="Fake chooser">
          <span>from {value}</span>
          <button type="button" onClick={() => onChoose('repo.example/web:2.0.0')}>
            Pick
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      ),
    });
    const web = screen.getByRole('region', { name: 'web' });
    fireEvent.click(within(web).getByRole('button', { name: 'Choose from ECR' }));
    expect(screen.getByText(/from 123456789012/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pick' }));
    expect(containerOf(last()).image).toBe('repo.example/web:2.0.0');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches volume kinds and mounts declared volumes', () => {
    const { last } = renderForm(fargateDoc());
    const volume = screen.getByRole('group', { name: 'Volume scratch' });
    fireEvent.change(within(volume).getByLabelText('Kind'), { target: { value: 'efs' } });
    expect((last().volumes as JsonObject[])[0]).toEqual({
      name: 'scratch',
      efsVolumeConfiguration: { transitEncryption: 'ENABLED' },
    });
    fireEvent.change(screen.getByLabelText('File system ID'), { target: { value: 'fs-1' } });
    expect((last().volumes as JsonObject[])[0]).toEqual({
      name: 'scratch',
      efsVolumeConfiguration: { transitEncryption: 'ENABLED', fileSystemId: 'fs-1' },
    });
    const web = screen.getByRole('region', { name: 'web' });
    fireEvent.click(within(web).getByRole('button', { name: 'Add mount point' }));
    expect(containerOf(last()).mountPoints).toEqual([{ sourceVolume: 'scratch' }]);
  });
});

describe('TaskDefinitionForm with the shared lint', () => {
  /** The studio's loop in small: lint on every change, fixes applied to the document. */
  function Studio({ initial }: { initial: JsonObject }) {
    const [document, setDocument] = useState(initial);
    const findings = lintTaskDefinition(document);
    return (
      <TaskDefinitionForm
        value={document}
        onChange={setDocument}
        findings={findings}
        onApplyFix={(finding) => {
          if (finding.fix) setDocument(applyFix(document, finding.fix));
        }}
      />
    );
  }

  it('shows every finding of a broken document somewhere in the form, and fixes apply', () => {
    const broken: JsonObject = {
      family: 'web app',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'bridge',
      cpu: '256',
      memory: '4096',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:x == y' }],
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:latest',
          portMappings: [{ containerPort: '80' }],
          environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
          logConfiguration: { logDriver: 'awslogs', options: {} },
          dependsOn: [{ containerName: 'missing', condition: 'HEALTHY' }],
          mountPoints: [{ sourceVolume: 'nope', containerPath: '/data' }],
          healthCheck: { command: ['curl localhost'], interval: 1 },
        },
      ],
      tags: [{ key: 'aws:reserved', value: 'x' }],
    };
    render(<Studio initial={broken} />);
    const findings = lintTaskDefinition(broken);
    expect(findings.length).toBeGreaterThan(8);
    for (const finding of findings) {
      const shown = screen
        .getAllByText(finding.message)
        .some(
          (element) =>
            element.closest('li[data-rule]')?.getAttribute('data-rule') === finding.ruleId,
        );
      expect(shown, `${finding.ruleId} at ${finding.path}`).toBe(true);
    }
    const family = screen.getByLabelText('Family');
    const rename = within(family.closest('[data-anchor]') as HTMLElement).getByRole('button', {
      name: /^Fix: Rename to/,
    });
    fireEvent.click(rename);
    expect(input(screen.getByLabelText('Family')).value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(document.querySelector('li[data-rule="family-invalid"]')).toBeNull();
  });
});

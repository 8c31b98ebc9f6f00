import { invalidParameter } from '../../protocol/errors.js';
import { objectList, optionalBoolean, optionalString, type Input } from '../../protocol/input.js';
import type { FleetContext } from '../../engine/fleet-state.js';
import type {
  AwsVpcConfiguration,
  ClusterRecord,
  LaunchType,
  TaskDefinitionRecord,
} from '../../engine/model.js';
import { FARGATE_PLATFORM_VERSION } from '../../engine/service-template.js';
import type { TaskTemplate } from '../../engine/task-factory.js';
import {
  applyOverrides,
  parseSize,
  readTaskSpec,
  taskNeeds,
  type SizeOverrides,
} from '../../engine/task-spec.js';
import { checkCompatibility, optionalObject } from './service-input.js';
import { parseTags } from './tags.js';

const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;

/** RunTask/StartTask `overrides`: sizes change what the task reserves; the rest is echoed back. */
function parseOverrides(input: Input, known: Set<string>) {
  const overrides = optionalObject(input, 'overrides') ?? {};
  const sizes: SizeOverrides = new Map();
  const containerOverrides = objectList(overrides, 'containerOverrides').map((item) => {
    if (typeof item.name !== 'string' || !known.has(item.name))
      throw invalidParameter(
        `Override for container named ${String(item.name)} is not a container in the TaskDefinition.`,
      );
    const size: { cpu?: number; memory?: number; memoryReservation?: number } = {};
    for (const field of ['cpu', 'memory', 'memoryReservation'] as const) {
      const value = item[field];
      if (typeof value === 'number') size[field] = value;
    }
    sizes.set(item.name, size);
    return item;
  });
  const cpu = parseSize(overrides.cpu);
  const memory = parseSize(overrides.memory);
  return {
    sizes,
    task: { ...(cpu !== undefined ? { cpu } : {}), ...(memory !== undefined ? { memory } : {}) },
    echo: { ...overrides, containerOverrides, inferenceAcceleratorOverrides: [] },
  };
}

/** The template of RunTask and StartTask tasks (not started by a service). */
export function standaloneTemplate(
  context: FleetContext,
  cluster: ClusterRecord,
  taskDefinition: TaskDefinitionRecord,
  input: Input,
  launchType: LaunchType,
  networkConfiguration: AwsVpcConfiguration | undefined,
): TaskTemplate {
  const base = readTaskSpec(taskDefinition.definition);
  checkCompatibility(base, launchType, networkConfiguration);
  const overrides = parseOverrides(input, new Set(base.containers.map((c) => c.name)));
  const spec = applyOverrides(base, overrides.sizes, overrides.task);
  const startedBy = optionalString(input, 'startedBy');
  if (startedBy !== undefined && !STARTED_BY.test(startedBy))
    throw invalidParameter(
      'startedBy can have up to 128 letters, numbers, hyphens, forward slashes and underscores.',
    );
  const group = optionalString(input, 'group') ?? `family:${taskDefinition.family}`;
  if (group.length > 255) throw invalidParameter('group must be at most 255 characters.');
  const tags = parseTags(input);
  if (optionalString(input, 'propagateTags') === 'TASK_DEFINITION')
    tags.push(...taskDefinition.tags);
  if (optionalBoolean(input, 'enableECSManagedTags') === true)
    tags.push({ key: 'aws:ecs:clusterName', value: cluster.name });
  return {
    cluster,
    taskDefinition,
    spec,
    needs: taskNeeds(spec),
    launchType,
    ...(launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    group,
    ...(startedBy ? { startedBy } : {}),
    targetGroupArns: [],
    overrides: overrides.echo,
    tags,
    ...(networkConfiguration ? { networkConfiguration } : {}),
    enableExecuteCommand: optionalBoolean(input, 'enableExecuteCommand') ?? false,
  };
}

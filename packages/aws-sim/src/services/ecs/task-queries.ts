import { invalidParameter } from '../../protocol/errors.js';
import { optionalString, stringList } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import type { TaskRecord } from '../../engine/model.js';
import { paginateSorted } from '../../engine/paginate.js';
import { parseInclude, requireCluster } from './clusters.js';
import { findInstance } from './container-instances.js';
import { parseLaunchType } from './service-input.js';
import { requireService } from './service-lookup.js';
import { findTask, taskArnOf } from './task-lookup.js';
import { describeTask } from './task-view.js';

export const taskQueryOperations: Record<string, Operation> = {
  ListTasks(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const family = optionalString(input, 'family');
    const startedBy = optionalString(input, 'startedBy');
    const serviceName = optionalString(input, 'serviceName');
    const instanceRef = optionalString(input, 'containerInstance');
    const launchType = parseLaunchType(input);
    const desiredStatus = optionalString(input, 'desiredStatus') ?? 'RUNNING';
    if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus))
      throw invalidParameter(`Invalid desiredStatus ${desiredStatus}.`);
    if (startedBy !== undefined && (family ?? serviceName ?? instanceRef) !== undefined)
      throw invalidParameter('startedBy must be the only filter when it is specified.');
    const serviceArn = serviceName ? requireService(state, cluster, serviceName).arn : undefined;
    const instanceArn = instanceRef
      ? (findInstance(state, cluster, instanceRef)?.arn ?? instanceRef)
      : undefined;
    const matches = (task: TaskRecord) =>
      task.desiredStatus === desiredStatus &&
      (family === undefined || task.family === family) &&
      (startedBy === undefined || task.startedBy === startedBy) &&
      (serviceArn === undefined || task.serviceArn === serviceArn) &&
      (instanceArn === undefined || task.containerInstanceArn === instanceArn) &&
      (launchType === undefined || task.launchType === launchType);
    // ECS never sets a desired status of PENDING, so that filter finds nothing.
    const page = paginateSorted(
      desiredStatus === 'PENDING' ? [] : state.sortedTasksOf(cluster.arn),
      (task) => task.arn,
      matches,
      input.maxResults,
      input.nextToken,
      { defaultSize: 100, maxSize: 100 },
    );
    return {
      taskArns: page.items.map((task) => task.arn),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  DescribeTasks(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const references = stringList(input, 'tasks');
    if (references.length === 0) throw invalidParameter('Tasks cannot be empty.');
    if (references.length > 100)
      throw invalidParameter('Tasks cannot contain more than 100 items.');
    const include = parseInclude(input, new Set(['TAGS']));
    const tasks = [];
    const failures = [];
    for (const reference of references) {
      const task = findTask(state, cluster, reference);
      if (task) tasks.push(describeTask(task, include.has('TAGS')));
      else failures.push({ arn: taskArnOf(state, cluster, reference), reason: 'MISSING' });
    }
    return { tasks, failures };
  },
};

import { EcsName, TaskDetailResponse, TasksQuery, TasksResponse } from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { ReadMemo, sendRead, sendReadView } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import { EcsResourceId } from '../actions/actions.router.js';
import type { TasksService } from './tasks.service.js';

export function createTasksRouter(deps: { tasks: TasksService; region: RegionResolver }): Router {
  const router = Router();
  const memo = new ReadMemo();
  router.get('/clusters/:cluster/tasks', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    // `?service=` (empty = every service) and `?desiredStatus=RUNNING|STOPPED`.
    const query = parseInput(
      TasksQuery,
      { ...req.query, service: req.query.service === '' ? undefined : req.query.service },
      'query',
    );
    const view = await deps.tasks.viewTasks(region, cluster, query);
    const key = JSON.stringify([region, cluster, query.service ?? '', query.desiredStatus]);
    sendReadView(res, TasksResponse, memo, key, view);
  });

  // One task by id (32 hex digits, or a UUID in the older ARN format), from ECS or the history.
  router.get('/clusters/:cluster/tasks/:task', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const task = parseInput(EcsResourceId, req.params.task, 'task');
    sendRead(res, TaskDetailResponse, await deps.tasks.getTask(region, cluster, task));
  });
  return router;
}

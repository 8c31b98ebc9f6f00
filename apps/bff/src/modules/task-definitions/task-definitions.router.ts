import {
  FamilyName,
  TaskDefinitionFamiliesResponse,
  TaskDefinitionParams,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
} from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { TaskDefinitionsService } from './task-definitions.service.js';

export function createTaskDefinitionsRouter(deps: {
  taskDefinitions: TaskDefinitionsService;
  region: RegionResolver;
}): Router {
  const router = Router();
  // Declared before `/:family/...` so that `families` is never read as a family name.
  router.get('/task-definitions/families', async (req, res) => {
    const answer = await deps.taskDefinitions.listFamilies(deps.region(req));
    sendRead(res, TaskDefinitionFamiliesResponse, answer);
  });
  router.get('/task-definitions/:family/revisions', async (req, res) => {
    const region = deps.region(req);
    const family = parseInput(FamilyName, req.params.family, 'family');
    const answer = await deps.taskDefinitions.listRevisions(region, family);
    sendRead(res, TaskDefinitionRevisionsResponse, answer);
  });
  router.get('/task-definitions/:family/:revision', async (req, res) => {
    const region = deps.region(req);
    const { family, revision } = parseInput(TaskDefinitionParams, req.params, 'task definition');
    const answer = await deps.taskDefinitions.getRevision(region, family, revision);
    sendRead(res, TaskDefinitionResponse, answer);
  });
  return router;
}

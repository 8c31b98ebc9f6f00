import {
  ConvertDockerrunRequest,
  ConvertDockerrunResponse,
  ConvertTaskDefinitionRequest,
  ConvertTaskDefinitionResponse,
  ValidateTaskDefinitionRequest,
  ValidateTaskDefinitionResponse,
} from '@deckhand/shared';
import {
  dockerrunTextToTaskDefinition,
  dockerrunToTaskDefinition,
  importTaskDefinition,
  lintTaskDefinition,
  taskDefinitionToDockerrun,
} from '@deckhand/shared/taskdef';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { InputError } from '../../http/errors.js';
import { parseInput } from '../../http/parse-input.js';

const REQUEST_BODY = 'request body';

function send<S extends z.ZodType>(res: Response, schema: S, answer: z.input<S>): void {
  res.json(schema.parse(answer));
}

/**
 * The task-definition studio's routes that never call AWS: the lint (the same rules the studio
 * runs in the browser and registration re-runs) and Dockerrun.aws.json v2 conversion both ways.
 * They change nothing, so read-only mode allows them; the CSRF rules of every POST still apply.
 */
export function createStudioRouter(): Router {
  const router = Router();

  router.post('/task-definitions/validate', (req, res) => {
    const body = parseInput(ValidateTaskDefinitionRequest, req.body, REQUEST_BODY);
    if (body.taskDefinition === undefined) throw new InputError('taskDefinition is required.');
    const imported = importTaskDefinition(body.taskDefinition);
    if (!imported.ok) throw new InputError(`taskDefinition: ${imported.error}`);
    const findings = lintTaskDefinition(imported.taskDefinition, {
      behindLoadBalancer: body.behindLoadBalancer,
    });
    send(res, ValidateTaskDefinitionResponse, {
      findings,
      notes: imported.notes,
      taskDefinition: imported.taskDefinition,
      shape: imported.shape,
    });
  });

  router.post('/convert/dockerrun', (req, res) => {
    const body = parseInput(ConvertDockerrunRequest, req.body, REQUEST_BODY);
    if (body.dockerrun === undefined) throw new InputError('dockerrun is required.');
    const options = body.family === undefined ? {} : { family: body.family };
    const result =
      typeof body.dockerrun === 'string'
        ? dockerrunTextToTaskDefinition(body.dockerrun, options)
        : dockerrunToTaskDefinition(body.dockerrun, options);
    if (!result.ok) throw new InputError(`dockerrun: ${result.error}`);
    send(res, ConvertDockerrunResponse, {
      taskDefinition: result.taskDefinition,
      notes: result.notes,
    });
  });

  router.post('/convert/taskdef-to-dockerrun', (req, res) => {
    const body = parseInput(ConvertTaskDefinitionRequest, req.body, REQUEST_BODY);
    if (body.taskDefinition === undefined) throw new InputError('taskDefinition is required.');
    const result = taskDefinitionToDockerrun(body.taskDefinition);
    if (!result.ok) throw new InputError(`taskDefinition: ${result.error}`);
    send(res, ConvertTaskDefinitionResponse, { dockerrun: result.dockerrun, notes: result.notes });
  });

  return router;
}

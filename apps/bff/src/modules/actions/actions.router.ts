import { randomUUID } from 'node:crypto';
import {
  ContainerInstanceStateInput,
  DeployServiceInput,
  EcsName,
  ScaleServiceInput,
  StopTaskInput,
} from '@deckhand/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { requestActor } from '../../http/auth.js';
import { InputError, LintFailedError } from '../../http/errors.js';
import { parseInput } from '../../http/parse-input.js';
import type { RegionResolver } from '../../http/region.js';
import type { ActionContext, ActionOutcome } from './action-runner.js';
import type { ActionsService } from './actions.service.js';
import { RegisterTaskDefinitionInput } from './register-input.js';
import { importTaskDefinition, lintTaskDefinition } from '@deckhand/shared/taskdef';

/** A task or container instance id: 32 hex digits, or a UUID in the older ARN format. */
export const EcsResourceId = z
  .string()
  .regex(
    /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    'must be an ECS id (32 hex digits)',
  );

/** Printable ASCII, as the header can carry it; long enough for a UUID with a prefix. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,128}$/;

const REQUEST_BODY = 'request body';

/**
 * A service can only run a task definition of its own Region: an ARN naming another one (or one
 * that does not exist) is refused here by name, not sent to ECS.
 */
function assertSameRegion(reference: string | undefined, region: string): void {
  const arnRegion = reference?.startsWith('arn:') ? reference.split(':')[3] : undefined;
  if (arnRegion !== undefined && arnRegion !== region)
    throw new InputError(
      `request body taskDefinition: the ARN is in region ${arnRegion}, but the service is in ${region}.`,
    );
}

/** The action's context from the request: region, request id, who asks, Idempotency-Key. */
function contextOf(req: Request, res: Response, region: string): ActionContext {
  const key = req.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)))
    throw new InputError('Idempotency-Key must be 1–128 printable ASCII characters.');
  const requestId = res.getHeader('x-request-id');
  return {
    region,
    requestId: typeof requestId === 'string' ? requestId : randomUUID(),
    actor: requestActor(res),
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  };
}

function send(res: Response, outcome: ActionOutcome): void {
  if (outcome.replayed) res.setHeader('idempotent-replayed', 'true');
  res.status(outcome.status).json(outcome.body);
}

/**
 * The mutation routes (DESIGN.md). mutationGuard has already refused cross-site, header-less,
 * non-JSON and read-only-mode requests; here every input is validated before the service runs,
 * so an invalid request never claims an Idempotency-Key or reaches AWS.
 */
export function createActionsRouter(deps: {
  actions: ActionsService;
  region: RegionResolver;
}): Router {
  const { actions } = deps;
  const router = Router();

  router.post('/clusters/:cluster/services/:service/scale', async (req, res) => {
    const context = contextOf(req, res, deps.region(req));
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const service = parseInput(EcsName, req.params.service, 'service');
    const input = parseInput(ScaleServiceInput, req.body, REQUEST_BODY);
    send(res, await actions.scaleService(context, cluster, service, input));
  });

  router.post('/clusters/:cluster/services/:service/deploy', async (req, res) => {
    const context = contextOf(req, res, deps.region(req));
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const service = parseInput(EcsName, req.params.service, 'service');
    const input = parseInput(DeployServiceInput, req.body, REQUEST_BODY);
    assertSameRegion(input.taskDefinition, context.region);
    send(res, await actions.deployService(context, cluster, service, input));
  });

  router.post('/clusters/:cluster/tasks/:task/stop', async (req, res) => {
    const context = contextOf(req, res, deps.region(req));
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const task = parseInput(EcsResourceId, req.params.task, 'task');
    const input = parseInput(StopTaskInput, req.body, REQUEST_BODY);
    send(res, await actions.stopTask(context, cluster, task, input));
  });

  router.post('/clusters/:cluster/container-instances/:id/state', async (req, res) => {
    const context = contextOf(req, res, deps.region(req));
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const id = parseInput(EcsResourceId, req.params.id, 'container instance');
    const input = parseInput(ContainerInstanceStateInput, req.body, REQUEST_BODY);
    send(res, await actions.setContainerInstanceState(context, cluster, id, input));
  });

  router.post('/task-definitions', async (req, res) => {
    const context = contextOf(req, res, deps.region(req));
    const body = parseInput(
      z.strictObject({ taskDefinition: z.unknown() }),
      req.body,
      REQUEST_BODY,
    );
    if (body.taskDefinition === undefined) throw new InputError('taskDefinition is required.');
    // Any of the four shapes a task definition comes in (describe output is unwrapped and its
    // read-only members dropped), then the studio's lint: errors refuse it with every finding
    // before AWS is asked; then the exact shape RegisterTaskDefinition takes.
    const imported = importTaskDefinition(body.taskDefinition);
    if (!imported.ok) throw new InputError(`taskDefinition: ${imported.error}`);
    // A member ECS does not know would be dropped without a word by the SDK: refuse it by name.
    const unknown = imported.notes.filter((note) => note.kind === 'unknown-field');
    if (unknown.length > 0)
      throw new InputError(
        `taskDefinition: ECS does not know ${unknown.map((note) => note.path).join(', ')}; remove or rename ${unknown.length === 1 ? 'it' : 'them'}.`,
      );
    const findings = lintTaskDefinition(imported.taskDefinition);
    const errors = findings.filter((finding) => finding.severity === 'error');
    const [first] = errors;
    if (first) {
      const count = errors.length === 1 ? 'a lint error' : `${errors.length} lint errors`;
      throw new LintFailedError(
        `The task definition has ${count} (first, at ${first.path || 'the document'}: ${first.message})`,
        findings,
      );
    }
    const input = parseInput(
      RegisterTaskDefinitionInput,
      imported.taskDefinition,
      'taskDefinition',
    );
    send(res, await actions.registerTaskDefinition(context, input));
  });

  return router;
}

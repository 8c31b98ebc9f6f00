import {
  ImageDigest,
  ImagesResponse,
  ImageTag,
  LifecyclePolicyResponse,
  PushCommandsResponse,
  RepositoriesResponse,
  RepositoryDetailResponse,
  RepositoryName,
  RepositoryPolicyResponse,
  ScanFindingsQuery,
  ScanFindingsResponse,
} from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import type { RegionResolver } from '../../http/region.js';
import { sendRead } from '../../http/read-response.js';
import type { RegistryService } from './registry.service.js';

/**
 * ECR routes. Repository names may contain `/` (`team/web`): clients send them URL-encoded
 * (`team%2Fweb`), and Express decodes the parameter.
 */
export function createRegistryRouter(deps: {
  registry: RegistryService;
  region: RegionResolver;
}): Router {
  const router = Router();
  const name = (value: unknown) => parseInput(RepositoryName, value, 'repository name');

  router.get('/repositories', async (req, res) => {
    sendRead(res, RepositoriesResponse, await deps.registry.listRepositories(deps.region(req)));
  });

  router.get('/repositories/:name', async (req, res) => {
    const region = deps.region(req);
    const answer = await deps.registry.getRepository(region, name(req.params.name));
    sendRead(res, RepositoryDetailResponse, answer);
  });

  router.get('/repositories/:name/images', async (req, res) => {
    const region = deps.region(req);
    sendRead(res, ImagesResponse, await deps.registry.listImages(region, name(req.params.name)));
  });

  router.get('/repositories/:name/images/:digest/findings', async (req, res) => {
    const region = deps.region(req);
    const repository = name(req.params.name);
    const digest = parseInput(ImageDigest, req.params.digest, 'digest');
    const { severity } = parseInput(ScanFindingsQuery, req.query, 'severity');
    const answer = await deps.registry.getScanFindings(region, repository, digest, severity);
    sendRead(res, ScanFindingsResponse, answer);
  });

  router.get('/repositories/:name/policy', async (req, res) => {
    const region = deps.region(req);
    const answer = await deps.registry.getRepositoryPolicy(region, name(req.params.name));
    sendRead(res, RepositoryPolicyResponse, answer);
  });

  router.get('/repositories/:name/lifecycle-policy', async (req, res) => {
    const region = deps.region(req);
    const answer = await deps.registry.getLifecyclePolicy(region, name(req.params.name));
    sendRead(res, LifecyclePolicyResponse, answer);
  });

  router.get('/repositories/:name/push-commands', async (req, res) => {
    const region = deps.region(req);
    const repository = name(req.params.name);
    const tag = req.query.tag === undefined ? 'latest' : parseInput(ImageTag, req.query.tag, 'tag');
    const answer = await deps.registry.getPushCommands(region, repository, tag);
    res.json(PushCommandsResponse.parse(answer));
  });

  return router;
}

import { invalidParameter, serializationError } from '../../protocol/errors.js';
import { optionalString, requiredString, stringList } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import type { ServiceDeploymentStatus } from '../../engine/model.js';
import { paginate } from '../../engine/paginate.js';
import { requireCluster } from './clusters.js';
import { optionalObject } from './service-input.js';
import { requireService } from './service-lookup.js';
import { describeServiceDeployment, describeServiceDeploymentBrief } from './service-view.js';

const STATUSES = new Set<ServiceDeploymentStatus>([
  'PENDING',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'IN_PROGRESS',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
]);

function epochBound(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw serializationError(`Expected a timestamp for ${field}`);
  return value * 1000;
}

// Newest first, and the pagination key has to sort the same way.
const newestFirstKey = (createdAt: number, arn: string) =>
  `${String(9_999_999_999_999 - createdAt).padStart(13, '0')}|${arn}`;

export const serviceDeploymentOperations: Record<string, Operation> = {
  ListServiceDeployments(input, { state }) {
    const cluster = requireCluster(state, optionalString(input, 'cluster'));
    const service = requireService(state, cluster, requiredString(input, 'service'));
    const statuses = stringList(input, 'status');
    for (const status of statuses)
      if (!STATUSES.has(status as ServiceDeploymentStatus))
        throw invalidParameter(`Invalid service deployment status ${status}.`);
    const createdAt = optionalObject(input, 'createdAt');
    const after = epochBound(createdAt?.after, 'createdAt.after');
    const before = epochBound(createdAt?.before, 'createdAt.before');
    const records = service.serviceDeployments
      .filter(
        (record) =>
          (statuses.length === 0 || statuses.includes(record.status)) &&
          (after === undefined || record.createdAt >= after) &&
          (before === undefined || record.createdAt <= before),
      )
      .map((record) => ({ key: newestFirstKey(record.createdAt, record.arn), record }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const page = paginate(records, (item) => item.key, input.maxResults, input.nextToken, {
      defaultSize: 20,
      maxSize: 100,
    });
    return {
      serviceDeployments: page.items.map((item) => describeServiceDeploymentBrief(item.record)),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  DescribeServiceDeployments(input, { state }) {
    const arns = stringList(input, 'serviceDeploymentArns');
    if (arns.length === 0) throw invalidParameter('serviceDeploymentArns cannot be empty.');
    if (arns.length > 20)
      throw invalidParameter('serviceDeploymentArns cannot contain more than 20 items.');
    const wanted = new Set(arns);
    const found = new Map<string, ReturnType<typeof describeServiceDeployment>>();
    for (const service of state.services.values())
      for (const record of service.serviceDeployments)
        if (wanted.has(record.arn)) found.set(record.arn, describeServiceDeployment(state, record));
    const serviceDeployments = [];
    const failures = [];
    for (const arn of arns) {
      const record = found.get(arn);
      if (record) serviceDeployments.push(record);
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceDeployments, failures };
  },
};

import type { HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { RegistryPage } from '../features/registry/components/registry-page';
import { RepositoryPage } from '../features/registry/components/repository-page';
import { ClusterPage } from '../features/services/components/cluster-page';
import { ServicePage } from '../features/services/components/service-page';
import { TaskPage } from '../features/services/components/task-page';
import { healthQueryOptions } from '../features/system/api/health-queries';
import { TaskDefinitionFamilyPage } from '../features/task-definitions/components/task-definition-family-page';
import { TaskDefinitionRevisionPage } from '../features/task-definitions/components/task-definition-revision-page';
import { TaskDefinitionsPage } from '../features/task-definitions/components/task-definitions-page';
import { TracePage } from '../features/traces/components/trace-page';
import { TracesPage } from '../features/traces/components/traces-page';

/**
 * Route elements that need what the server says about itself (read-only, mode, region): pages
 * get it as props, since features never import each other.
 */
function useHealth(): HealthResponse | undefined {
  return useQuery(healthQueryOptions()).data;
}

export function ClusterRoute() {
  const health = useHealth();
  return <ClusterPage readOnly={health?.readOnly ?? true} environment={health} />;
}

export function ServiceRoute() {
  const health = useHealth();
  return <ServicePage readOnly={health?.readOnly ?? true} environment={health} />;
}

export function TaskRoute() {
  const health = useHealth();
  return <TaskPage readOnly={health?.readOnly ?? true} mode={health?.mode} />;
}

export { TaskDefinitionsPage, TaskDefinitionFamilyPage, RegistryPage, TracesPage };

export function TaskDefinitionRevisionRoute() {
  return <TaskDefinitionRevisionPage environment={useHealth()} />;
}

export function RepositoryRoute() {
  return <RepositoryPage environment={useHealth()} />;
}

export function TraceRoute() {
  return <TracePage environment={useHealth()} />;
}

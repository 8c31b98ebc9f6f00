import { ClusterPage } from '../../features/services/components/cluster-page';
import { ServicePage } from '../../features/services/components/service-page';
import { TaskPage } from '../../features/services/components/task-page';
import { useHealth } from '../use-health';

// Write controls stay hidden until the server says it is writable.

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

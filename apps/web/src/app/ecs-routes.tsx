import { useQuery } from '@tanstack/react-query';
import { ClusterPage } from '../features/services/components/cluster-page';
import { ServicePage } from '../features/services/components/service-page';
import { healthQueryOptions } from '../features/system/api/health-queries';

/** Whether write controls are hidden: until the server says it is writable, they are. */
function useReadOnly(): boolean {
  const health = useQuery(healthQueryOptions());
  return health.data?.readOnly ?? true;
}

export function ClusterRoute() {
  return <ClusterPage readOnly={useReadOnly()} />;
}

export function ServiceRoute() {
  return <ServicePage readOnly={useReadOnly()} />;
}

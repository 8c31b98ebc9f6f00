import { TracePage } from '../../features/traces/components/trace-page';
import { useHealth } from '../use-health';

export { TracesPage } from '../../features/traces/components/traces-page';

export function TraceRoute() {
  return <TracePage environment={useHealth()} />;
}
export { ServiceMapPage } from '../../features/traces/components/service-map-page';

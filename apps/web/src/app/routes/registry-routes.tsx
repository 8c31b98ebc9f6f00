import { RepositoryPage } from '../../features/registry/components/repository-page';
import { useHealth } from '../use-health';

export { RegistryPage } from '../../features/registry/components/registry-page';

export function RepositoryRoute() {
  return <RepositoryPage environment={useHealth()} />;
}
export { ImageFindingsPage } from '../../features/registry/components/image-findings-page';

import { TaskDefinitionRevisionPage } from '../../features/task-definitions/components/task-definition-revision-page';
import { useHealth } from '../use-health';

export { TaskDefinitionsPage } from '../../features/task-definitions/components/task-definitions-page';
export { TaskDefinitionFamilyPage } from '../../features/task-definitions/components/task-definition-family-page';
export { CompareRevisionsPage } from '../../features/task-definitions/diff/compare-revisions-page';

export function TaskDefinitionRevisionRoute() {
  return <TaskDefinitionRevisionPage environment={useHealth()} />;
}

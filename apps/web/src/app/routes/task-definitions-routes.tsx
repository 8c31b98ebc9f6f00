import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { ImageChooser } from '../../features/registry/components/image-chooser';
import { StudioPage } from '../../features/task-definitions/studio/studio-page';
import { TaskDefinitionRevisionPage } from '../../features/task-definitions/components/task-definition-revision-page';
import type { ImagePickerRenderer } from '../../features/task-definitions/studio/studio-page';
import { useHealth } from '../use-health';

export { TaskDefinitionsPage } from '../../features/task-definitions/components/task-definitions-page';
export { TaskDefinitionFamilyPage } from '../../features/task-definitions/components/task-definition-family-page';
export { CompareRevisionsPage } from '../../features/task-definitions/diff/compare-revisions-page';

export function TaskDefinitionRevisionRoute() {
  return <TaskDefinitionRevisionPage environment={useHealth()} />;
}

/**
 * The studio, with the registry's image chooser behind "Choose from ECR" (composed here: features
 * never import each other), in the region the URL names.
 */
export function StudioRoute() {
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const renderImagePicker = useCallback<ImagePickerRenderer>(
    (props) => <ImageChooser region={region} {...props} />,
    [region],
  );
  return <StudioPage environment={useHealth()} renderImagePicker={renderImagePicker} />;
}

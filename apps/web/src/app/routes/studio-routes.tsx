import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { ImageChooser } from '../../features/registry/components/image-chooser';
import {
  StudioPage,
  type ImagePickerRenderer,
} from '../../features/task-definitions/studio/studio-page';
import { useHealth } from '../use-health';

// The studio is a chunk of its own: the JSON editor (CodeMirror) and the ECS model's docs load
// only when someone edits a task definition, not with the read-only task-definition pages.
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

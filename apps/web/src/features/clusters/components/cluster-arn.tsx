import { CopyButton } from '../../../components/ui/copy-button';
import { ARN } from './styles';

/** A cluster's ARN under its name, with a button that copies it. */
export function ClusterArn({ cluster }: { cluster: { name: string; arn: string } }) {
  return (
    <div className="mt-1 flex items-start gap-2">
      <span className={ARN}>{cluster.arn}</span>
      <CopyButton value={cluster.arn} label={`ARN of ${cluster.name}`} />
    </div>
  );
}

import type { ClusterFlavor } from '@deckhand/shared';

const LABELS: Record<ClusterFlavor, string> = {
  ec2: 'EC2',
  fargate: 'Fargate',
  mixed: 'Mixed',
  'elastic-beanstalk': 'Elastic Beanstalk',
};

const STYLES: Record<ClusterFlavor, string> = {
  ec2: 'bg-amber-100 text-amber-900 ring-amber-300',
  fargate: 'bg-sky-100 text-sky-900 ring-sky-300',
  mixed: 'bg-violet-100 text-violet-900 ring-violet-300',
  'elastic-beanstalk': 'bg-emerald-100 text-emerald-900 ring-emerald-300',
};

export function FlavorBadge({ flavor }: { flavor: ClusterFlavor }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[flavor]}`}
    >
      {LABELS[flavor]}
    </span>
  );
}

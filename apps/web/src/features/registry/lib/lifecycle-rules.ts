import type { LifecycleRuleSummary } from '@deckhand/shared';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function selection(rule: LifecycleRuleSummary): string {
  const prefixes = rule.tagPrefixes?.length
    ? ` with tags starting ${rule.tagPrefixes.join(', ')}`
    : '';
  const patterns = rule.tagPatterns?.length
    ? ` with tags matching ${rule.tagPatterns.join(', ')}`
    : '';
  const which =
    rule.tagStatus === 'untagged'
      ? 'untagged images'
      : rule.tagStatus === 'tagged'
        ? `tagged images${prefixes}${patterns}`
        : `any image${prefixes}${patterns}`;
  switch (rule.countType) {
    case 'imageCountMoreThan':
      return `${which} beyond the newest ${rule.countNumber}`;
    case 'sinceImagePushed':
      return `${which} pushed more than ${plural(rule.countNumber, rule.countUnit?.replace(/s$/, '') ?? 'day')} ago`;
    case 'sinceImagePulled':
      return `${which} not pulled for ${plural(rule.countNumber, rule.countUnit?.replace(/s$/, '') ?? 'day')}`;
    default:
      return `${which} (${rule.countType} ${rule.countNumber}${rule.countUnit ? ` ${rule.countUnit}` : ''})`;
  }
}

/** A lifecycle rule in words: "Expire untagged images pushed more than 14 days ago". */
export function describeRule(rule: LifecycleRuleSummary): string {
  const action =
    rule.action === 'expire'
      ? 'Expire'
      : `${rule.action[0]?.toUpperCase() ?? ''}${rule.action.slice(1)}`;
  return `${action} ${selection(rule)}`;
}

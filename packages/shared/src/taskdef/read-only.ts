/** Members DescribeTaskDefinition adds that RegisterTaskDefinition does not take (REFERENCE.md §5). */
export const READ_ONLY_MEMBERS: readonly string[] = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
];

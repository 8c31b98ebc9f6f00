import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { EcsContainerDefinition, EcsTaskDefinition, FamilyName } from '@deckhand/shared';
import { z } from 'zod';

/**
 * The body of `POST /task-definitions`: RegisterTaskDefinition's input, or what
 * `GET /task-definitions/:family/:revision` (or DescribeTaskDefinition) answered, so that a
 * revision can be copied, edited and registered again, after the shared importer unwrapped it and
 * the lint passed it. Only the shape is checked here; ECS's own rules answer with ECS's message.
 */

/** Task-level cpu and memory are strings in ECS's model; a number is what people type. */
const units = z.union([z.string(), z.number().int().positive().transform(String)]);

const Tag = z.strictObject({
  key: z.string().min(1).max(128),
  value: z.string().max(256),
});

// Unknown top-level members are refused by name rather than silently dropped: a typo such as
// `containerDefinition` would otherwise register a revision without what was meant.
export const RegisterTaskDefinitionInput = z.strictObject({
  ...EcsTaskDefinition.omit({
    taskDefinitionArn: true,
    revision: true,
    status: true,
    requiresAttributes: true,
    compatibilities: true,
    registeredAt: true,
    registeredBy: true,
    deregisteredAt: true,
    deleteRequestedAt: true,
  }).shape,
  // The two members RegisterTaskDefinition requires.
  family: FamilyName,
  containerDefinitions: z.array(EcsContainerDefinition).min(1).max(100),
  cpu: units.optional(),
  memory: units.optional(),
  tags: z.array(Tag).max(50).optional(),
});
export type RegisterTaskDefinitionInput = z.infer<typeof RegisterTaskDefinitionInput>;

/**
 * The validated input as the SDK takes it. The zod shape is generated from the same ECS model;
 * enums are plain strings there because AWS adds values, and ECS refuses an unknown one itself.
 */
export function toSdkRegisterInput(
  input: RegisterTaskDefinitionInput,
): RegisterTaskDefinitionCommandInput {
  return input as RegisterTaskDefinitionCommandInput;
}

/** The audit log's view of a registration: what identifies it, never environment values. */
export function registerAuditParams(input: RegisterTaskDefinitionInput) {
  return {
    family: input.family,
    containers: input.containerDefinitions.map((c) => ({ name: c.name, image: c.image })),
    cpu: input.cpu,
    memory: input.memory,
    networkMode: input.networkMode,
    requiresCompatibilities: input.requiresCompatibilities,
  };
}

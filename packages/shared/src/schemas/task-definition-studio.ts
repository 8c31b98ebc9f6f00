import { z } from 'zod';
import { ConversionNote, LintFinding } from '../taskdef/types.js';

/**
 * The studio's routes that change nothing in AWS: lint a task definition, and convert between
 * Elastic Beanstalk's Dockerrun.aws.json v2 and a task definition (REFERENCE.md §5, §6).
 */

const JsonDocument = z.record(z.string(), z.json());

// The request bodies are strict: a misspelt member (`behindLoadbalancer`) is refused by name
// rather than silently ignored.

/** `POST /task-definitions/validate`: any of the four task-definition shapes. */
export const ValidateTaskDefinitionRequest = z.strictObject({
  taskDefinition: z.unknown(),
  /** The services running it sit behind a load balancer: static host ports are warned about. */
  behindLoadBalancer: z.boolean().optional(),
});
export type ValidateTaskDefinitionRequest = z.infer<typeof ValidateTaskDefinitionRequest>;

export const ValidateTaskDefinitionResponse = z.object({
  findings: z.array(LintFinding),
  /** What the import did: unwrapped describe output, removed read-only members and nulls, placeholders, unknown members. */
  notes: z.array(ConversionNote),
  /** The RegisterTaskDefinition input the findings are about (the imported document). */
  taskDefinition: JsonDocument.optional(),
  /** The shape the input was recognised as. */
  shape: z
    .enum(['register-input', 'describe-output', 'describe-output-unwrapped', 'container-array'])
    .optional(),
});
export type ValidateTaskDefinitionResponse = z.infer<typeof ValidateTaskDefinitionResponse>;

/** `POST /convert/dockerrun`: a Dockerrun.aws.json v2 document (object or its text). */
export const ConvertDockerrunRequest = z.strictObject({
  dockerrun: z.unknown(),
  /** The task definition family to give it; a default is chosen and noted otherwise. */
  family: z.string().max(255).optional(),
});
export type ConvertDockerrunRequest = z.infer<typeof ConvertDockerrunRequest>;

export const ConvertDockerrunResponse = z.object({
  taskDefinition: JsonDocument,
  notes: z.array(ConversionNote),
});
export type ConvertDockerrunResponse = z.infer<typeof ConvertDockerrunResponse>;

/** `POST /convert/taskdef-to-dockerrun`: a task definition in any of the four shapes. */
export const ConvertTaskDefinitionRequest = z.strictObject({ taskDefinition: z.unknown() });
export type ConvertTaskDefinitionRequest = z.infer<typeof ConvertTaskDefinitionRequest>;

export const ConvertTaskDefinitionResponse = z.object({
  dockerrun: JsonDocument,
  notes: z.array(ConversionNote),
});
export type ConvertTaskDefinitionResponse = z.infer<typeof ConvertTaskDefinitionResponse>;

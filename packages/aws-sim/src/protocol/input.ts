import { invalidParameter, serializationError } from './errors.js';

/** A decoded awsJson request body. */
export type Input = Record<string, unknown>;

// Type mismatches are caught by AWS's deserializer before the service sees the request, hence
// SerializationException; range and value problems are the service's InvalidParameterException.

export function optionalString(input: Input, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw serializationError(`Expected a string for ${field}`);
  return value;
}

export function requiredString(input: Input, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined || value === '')
    throw invalidParameter(`${field} is required and cannot be empty.`);
  return value;
}

export function optionalInteger(input: Input, field: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw serializationError(`Expected an integer for ${field}`);
  return value;
}

export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw serializationError(`Expected a boolean for ${field}`);
  return value;
}

export function stringList(input: Input, field: string): string[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw serializationError(`Expected a list of strings for ${field}`);
  }
  return value as string[];
}

export function objectList(input: Input, field: string): Input[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (
    !Array.isArray(value) ||
    value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))
  ) {
    throw serializationError(`Expected a list of structures for ${field}`);
  }
  return value as Input[];
}

/** Epoch seconds with millisecond precision: how awsJson serialises timestamps. */
export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms) / 1000;
}

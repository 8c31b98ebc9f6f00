import { invalidParameter } from '../../protocol/errors.js';
import { objectList, type Input } from '../../protocol/input.js';
import type { Tag } from '../../engine/model.js';

/** ECS tags: ≤ 50 per resource, key 1–128, value ≤ 256, and the `aws:` prefix is reserved. */
export function parseTags(input: Input, field = 'tags'): Tag[] {
  const tags = objectList(input, field).map((tag) => {
    const key = tag.key;
    const value = tag.value ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
      throw invalidParameter('Tag keys must be between 1 and 128 characters.');
    }
    if (typeof value !== 'string' || value.length > 256) {
      throw invalidParameter('Tag values must be at most 256 characters.');
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw invalidParameter('Tag keys cannot start with the reserved prefix aws:.');
    }
    return { key, value };
  });
  if (tags.length > 50) throw invalidParameter('A resource can have at most 50 tags.');
  return tags;
}

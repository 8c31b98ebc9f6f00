// The ECS service model botocore ships, for the generators in this folder (REFERENCE.md:
// generate schemas from the models rather than typing fields by hand).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The installed botocore's ECS model file (`service-2.json` or `.gz`), or undefined. */
export function botocoreModelPath() {
  const result = spawnSync(
    'python3',
    ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) return undefined;
  const file = join(result.stdout.trim(), 'data/ecs/2014-11-13/service-2.json');
  if (existsSync(file)) return file;
  if (existsSync(`${file}.gz`)) return `${file}.gz`;
  return undefined;
}

/** A model file, gzipped or not, parsed. */
export function readModel(file) {
  const bytes = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

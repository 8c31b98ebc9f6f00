import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Every `npm …` command written in the README's shell blocks. */
function npmCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map(
    (match) => match[1] ?? '',
  );
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim())
    .flatMap((line) =>
      [...line.matchAll(/\bnpm (run [\w:-]+|start|test)\b/g)].map((match) => match[1] ?? ''),
    );
}

describe('README', () => {
  const commands = npmCommands(readme);

  it('shows the two commands of the quick start', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'));
    expect(quickStart.length).toBeLessThan(readme.length);
    expect(npmCommands(quickStart.slice(0, quickStart.indexOf('\n## ', 4)))).toEqual([
      'start',
      'test',
    ]);
  });

  it('names only npm scripts that the root package.json defines', () => {
    expect(commands.length).toBeGreaterThan(2);
    for (const command of commands) {
      const script = command.startsWith('run ') ? command.slice(4) : command;
      expect(scripts, `README runs "npm ${command}"`).toHaveProperty(script);
    }
  });

  it('is what CI runs: .ci/run calls the README test command', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^\s*npm test\b/m);
  });
});

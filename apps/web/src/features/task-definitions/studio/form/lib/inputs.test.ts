import { describe, expect, it } from 'vitest';
import { formatStringList, parseIntegerText, parseStringList, sameList } from './inputs';

describe('input text', () => {
  it('reads integers and names what is wrong with other text', () => {
    expect(parseIntegerText('')).toEqual({ kind: 'empty' });
    expect(parseIntegerText('  ')).toEqual({ kind: 'empty' });
    expect(parseIntegerText(' 8080 ')).toEqual({ kind: 'number', value: 8080 });
    expect(parseIntegerText('-1')).toEqual({ kind: 'number', value: -1 });
    expect(parseIntegerText('80a')).toEqual({ kind: 'invalid', message: 'enter a number' });
    expect(parseIntegerText('1.5')).toEqual({ kind: 'invalid', message: 'enter a whole number' });
    expect(parseIntegerText('99999999999999999999').kind).toBe('invalid');
  });

  it('writes string arrays as comma lists, or JSON when commas would not read back', () => {
    expect(formatStringList(['CMD-SHELL', 'curl -f http://localhost/ || exit 1'])).toBe(
      'CMD-SHELL, curl -f http://localhost/ || exit 1',
    );
    expect(formatStringList(['sh', '-c', 'echo a, b'])).toBe('["sh","-c","echo a, b"]');
    expect(formatStringList([''])).toBe('[""]');
  });

  it('reads comma lists and JSON arrays', () => {
    expect(parseStringList('CMD-SHELL, curl -f http://localhost/ || exit 1')).toEqual([
      'CMD-SHELL',
      'curl -f http://localhost/ || exit 1',
    ]);
    expect(parseStringList('npm, start,')).toEqual(['npm', 'start']);
    expect(parseStringList('')).toEqual([]);
    expect(parseStringList('["sh","-c","echo a, b"]')).toEqual(['sh', '-c', 'echo a, b']);
    expect(parseStringList('["sh", 1]')).toBeUndefined();
    expect(parseStringList('["sh"')).toBeUndefined();
    for (const list of [['a', 'b c'], ['x, y'], [' padded ']])
      expect(parseStringList(formatStringList(list))).toEqual(list);
  });

  it('compares lists by items', () => {
    expect(sameList(['a'], ['a'])).toBe(true);
    expect(sameList(['a'], ['a', 'b'])).toBe(false);
    expect(sameList(undefined, undefined)).toBe(true);
    expect(sameList(undefined, [])).toBe(false);
  });
});

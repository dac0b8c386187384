import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sources(folder: string): { file: string; text: string }[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(join(root, folder, file), 'utf8') }));
}

const library = [...sources('src'), ...sources('adapters')];

/** Regular expression literals of a source text (good enough for this code base's style). */
function regexLiterals(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?<=[=(,:!&|?;{}\[]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/[dgimsuyv]*/g;
  // `/** … */` comments look like literals to this pattern.
  for (const match of text.matchAll(pattern)) if (match[1] !== undefined && !match[1].startsWith('*')) found.push(match[1]);
  return found;
}

/** A quantified group that itself contains a quantifier: `(a+)+`, `(\s*x)*` … */
const nestedQuantifier = /\((?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\])*(?:[+*]|\{\d+,\})(?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\])*\)(?:[+*]|\{\d+,\})/;

describe('the library source', () => {
  it('never evaluates code: no eval, no Function constructor', () => {
    for (const { file, text } of library) {
      expect(text, file).not.toMatch(/\beval\s*\(/);
      expect(text, file).not.toMatch(/\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/);
    }
  });

  it('has no regular expression with nested quantifiers, the shape of catastrophic backtracking', () => {
    const all = library.flatMap(({ file, text }) => regexLiterals(text).map((source) => ({ file, source })));
    expect(all.length).toBeGreaterThan(3);
    for (const { file, source } of all) expect(nestedQuantifier.test(source), `${file}: /${source}/`).toBe(false);
  });

  it('runs every regular expression over long adversarial inputs to the end', () => {
    const inputs = ['a', ' ', '{', '"', '\\', '0', '-', ':', 'data: '].map((unit) => `${unit.repeat(20_000)}!`);
    for (const { file, text } of library) {
      for (const source of regexLiterals(text)) {
        let regex: RegExp;
        try {
          regex = new RegExp(source);
        } catch {
          continue;
        }
        for (const input of inputs) expect(typeof regex.test(input), `${file}: /${source}/`).toBe('boolean');
      }
    }
  });
});

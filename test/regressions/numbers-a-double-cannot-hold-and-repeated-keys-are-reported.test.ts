import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/index.js';
import { runCli } from '../support/cli.js';

const record =
  '{"a":1e309,"b":18446744073709551617,"c":{"d":1,"d":2},"e":[1,-9007199254740993],"f":18446744073709551616,"g":1e-400,"h":"x\\":1","i":0.1,"j":0,"k":{"d":3}}';

describe('what JSON.parse reads other than written', () => {
  it('is a warning with its path on the record: overflow, inexact integers, underflow and repeated keys', () => {
    const [item] = readAll(`${record}\n`, 'jsonl');
    expect(item).toMatchObject({ kind: 'record', line: 1 });
    const warnings = item?.kind === 'record' ? (item.warnings ?? []) : [];
    expect(warnings.map((warning) => [warning.code, warning.level, warning.path])).toEqual([
      ['approximated', 'warning', 'a'],
      ['approximated', 'warning', 'b'],
      ['approximated', 'warning', 'c.d'],
      ['approximated', 'warning', 'e[1]'],
      ['approximated', 'warning', 'g'],
    ]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      '1e309 is beyond the largest double; read as Infinity and written back as null',
      'the integer 18446744073709551617 is beyond 2^53 and not exact as a double; read as 18446744073709551616',
      'the key "d" appears more than once in one object; the last value was kept',
      'the integer -9007199254740993 is beyond 2^53 and not exact as a double; read as -9007199254740992',
      '1e-400 is below the smallest double; read as 0',
    ]);
  });

  it('gives no warning for exact numbers, keys repeated in different objects, or quotes and colons inside strings', () => {
    const clean = '{"big":18446744073709551616,"a":{"id":1},"b":{"id":2},"text":"say \\"id\\": 1, \\"id\\": 2","n":1e300,"z":0e-500}';
    expect(readAll(`${clean}\n`, 'jsonl')).toEqual([{ kind: 'record', record: JSON.parse(clean), line: 1, text: clean }]);
  });

  it('reaches --issues and the summary through the command line, with the line of the record', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'aeb-numbers-'));
    const input = join(scratch, 'numbers.jsonl');
    writeFileSync(input, `{"type":"run-start","runId":"r"}\n{"type":"data","runId":"r","name":"n","data":{"count":12345678901234567891,"count":2}}\n{"type":"run-end","runId":"r"}\n`);
    const issues = join(scratch, 'issues.jsonl');
    const result = runCli(['convert', input, '--to', 'canonical', '--issues', issues]);
    expect(result.status).toBe(0);
    const written = readFileSync(issues, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written).toEqual([
      expect.objectContaining({ code: 'approximated', level: 'warning', line: 2, path: 'data.count', message: expect.stringContaining('12345678901234567891 is beyond 2^53') }),
      expect.objectContaining({ code: 'approximated', level: 'warning', line: 2, path: 'data.count', message: expect.stringContaining('appears more than once') }),
    ]);
    expect(result.stderr).toContain('issues: approximated 2');
  });
});

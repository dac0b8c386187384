import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

describe('the demo (npm run demo)', () => {
  it('shows a before/after sample per use, converts the bundled mixed log of six recordings to ai-sdk-ui and agno with no error-level issue, and names runs by who ran them', () => {
    const result = spawnSync(process.execPath, ['examples/demo.mjs'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const format of ['agno-legacy', 'agno', 'runner', 'langchain', 'ai-sdk-ui', 'ai-sdk-stream']) {
      expect(result.stdout).toMatch(new RegExp(`written from .*\\b${format} \\d+`));
    }
    expect(result.stdout).toMatch(/→ ai-sdk-ui: \d+ records written/);
    expect(result.stdout).toMatch(/→ agno: \d+ records written/);
    expect(result.stdout.match(/issues: 0 errors/g)).toHaveLength(2);
    expect(result.stdout).toContain('Timeline');
    for (const use of ['before (agno-legacy): {"created_at"', 'after  (agno): {"created_at"', 'before (agno): ', 'after  (ai-sdk-ui): {"type":"text-start"', 'after  (canonical): {"type":"run-start"']) {
      expect(result.stdout).toContain(use);
    }
    expect(result.stdout).not.toMatch(/minted-run-\d+ /);
    expect(result.stdout).toMatch(/└ .* ⇠ /);
  });
});

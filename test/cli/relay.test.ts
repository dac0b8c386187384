import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixture = join(import.meta.dirname, '../agno/fixtures/v2.9.0-agent-tools.jsonl');
/** The fixture with a marker in agno's server-side state and metadata. */
const marked = readFileSync(fixture, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.stringify({ ...(JSON.parse(line) as object), session_state: { secret: 'MARKER-relay' }, metadata: { secret: 'MARKER-relay' } }))
  .join('\n');

describe('convert --relay', () => {
  it('agno → ai-sdk-ui → agno with --relay on both conversions is byte for byte the input', () => {
    const there = runCli(['convert', '-', '--from', 'agno', '--to', 'ai-sdk-ui', '--relay', '--quiet'], `${marked}\n`);
    expect(there.status).toBe(0);
    // The fixture is agno 2.9: written back as 2.x (agno writes 3.x by default).
    const back = runCli(['convert', '-', '--from', 'ai-sdk-ui', '--to', 'agno', '--relay', '--encode', 'target=2.x', '--quiet'], there.stdout);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(`${marked}\n`);
  });

  it('without --relay the server-side marker reaches no ai-sdk-ui, langchain or runner output', () => {
    for (const to of ['ai-sdk-ui', 'langchain', 'runner']) {
      const { status, stdout } = runCli(['convert', '-', '--from', 'agno', '--to', to, '--quiet'], `${marked}\n`);
      expect(status).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
      expect(stdout).not.toContain('MARKER-relay');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { convert } from '../../src/registered.js';
import { detectRecord } from '../../src/registered.js';
import '../../src/registry.js';

/**
 * agno 2.0 – 2.5.16 stored a `RunCompleted` with flat run metrics and no `nested_depth` (the record
 * below is the member's RunCompleted of the shared 2.5.3 recording, without `parent_run_id` and
 * `session_state`, as an agent without state stores it). agno 1.x metrics are always dict-of-lists, so flat metrics are 2.x.
 */
const stored = {
  created_at: 1700000000,
  event: 'RunCompleted',
  agent_id: 'writer',
  agent_name: 'Writer',
  run_id: 'run-2',
  session_id: 'sess-t',
  content: 'Paris is lovely',
  content_type: 'str',
  metrics: { input_tokens: 20, output_tokens: 4, total_tokens: 24, duration: 0.1 },
};

describe('stored agno 2.0 – 2.5.16 runs', () => {
  it('a RunCompleted with flat metrics and no nested_depth is detected as agno 2.x, not 1.x', () => {
    const detection = detectRecord(stored);
    expect(detection?.format.name).toBe('agno');
    expect(detection?.version).toBe('>=2.0.0 <2.5.4');
  });

  it('converted with --from auto to agno, it keeps metrics.duration (written back unchanged)', () => {
    const { output } = convert([stored], { from: 'auto', to: 'agno' });
    expect(output).toEqual([stored]);
  });
});

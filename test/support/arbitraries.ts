import fc from 'fast-check';
import type { Message, Part, Requirement, Run } from '../../src/index.js';

/** How many cases property tests run: a fixed number in `npm test`, more under `npm run fuzz`. */
export const propertyRuns = Number(process.env.FUZZ_RUNS ?? 200);

/** Fixed seed so that every run of the suite checks the same cases. */
export const propertySeed = Number(process.env.FUZZ_SEED ?? 20261121);

const word = fc.string({ minLength: 1, maxLength: 8 });
const json = fc.jsonValue({ maxDepth: 2 });
const ext = fc.dictionary(fc.constantFrom('agno', 'runner', 'ai-sdk-ui'), fc.dictionary(word, json, { maxKeys: 2 }), {
  minKeys: 1,
  maxKeys: 1,
});
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const assistantPart: fc.Arbitrary<Part> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text: fc.string(), citations: optional(fc.array(fc.record({ url: word }), { maxLength: 2 })), ext: optional(ext) }).map(compact),
  fc.record({ type: fc.constant('reasoning' as const), text: fc.string(), signature: optional(word), ext: optional(ext) }).map(compact),
  fc.record({ type: fc.constant('tool-call' as const), toolCallId: word, toolName: word, input: json, ext: optional(ext) }).map(compact),
  fc.record({ type: fc.constant('file' as const), mediaType: fc.constantFrom('image/png', 'text/plain'), url: optional(word), data: optional(word), name: optional(word) }).map(compact),
  fc.record({ type: fc.constant('source' as const), url: optional(word), title: optional(word), id: optional(word) }).map(compact),
  fc.record({ type: fc.constant('data' as const), name: word, data: json }).map(compact),
);

const toolResult: fc.Arbitrary<Part> = fc
  .record({ type: fc.constant('tool-result' as const), toolCallId: word, toolName: optional(word), output: json, isError: optional(fc.constant(true as const)), ext: optional(ext) })
  .map(compact);

const message: fc.Arbitrary<Message> = fc.oneof(
  fc.record({ role: fc.constantFrom('system' as const, 'user' as const), id: optional(word), name: optional(word), parts: fc.array(fc.record({ type: fc.constant('text' as const), text: fc.string() }), { maxLength: 2 }) }).map(compact),
  fc.record({ role: fc.constant('assistant' as const), id: optional(word), name: optional(word), ext: optional(ext), parts: fc.array(assistantPart, { maxLength: 4 }) }).map(compact),
  fc.record({ role: fc.constant('tool' as const), id: optional(word), name: optional(word), parts: fc.array(toolResult, { minLength: 1, maxLength: 2 }) }).map(compact),
);

const requirement: fc.Arbitrary<Requirement> = fc
  .record({
    id: word,
    kind: fc.constantFrom('confirmation' as const, 'user-input' as const, 'user-feedback' as const, 'external-execution' as const),
    toolCallId: optional(word),
    toolName: optional(word),
    input: optional(json),
  })
  .map(compact);

const usage = fc
  .record({ inputTokens: optional(fc.nat(1000)), outputTokens: optional(fc.nat(1000)), totalTokens: optional(fc.nat(2000)), durationMs: optional(fc.nat(10_000)) })
  .map(compact);

function runAt(runId: string, parentRunId: string | undefined, depth: number): fc.Arbitrary<Run> {
  const members =
    depth >= 2
      ? fc.constant([] as Run[])
      : fc.nat(2).chain((count) => (count === 0 ? fc.constant([] as Run[]) : fc.tuple(...Array.from({ length: count }, (_, index) => runAt(`${runId}.${index}`, runId, depth + 1)))));
  return fc
    .record({
      status: fc.constantFrom('running' as const, 'completed' as const, 'error' as const, 'cancelled' as const, 'paused' as const),
      sessionId: optional(word),
      actor: optional(fc.record({ kind: fc.constantFrom('agent' as const, 'team' as const), name: optional(word) }).map(compact)),
      time: optional(fc.nat()),
      model: optional(word),
      provider: optional(word),
      input: optional(json),
      messages: fc.array(message, { maxLength: 5 }),
      output: json,
      usage: optional(usage),
      finishReason: optional(word),
      error: fc.record({ message: word, type: optional(word) }).map(compact),
      cancelReason: optional(word),
      requirements: fc.array(requirement, { maxLength: 2 }),
      members,
      ext: optional(ext),
    })
    .map(({ status, output, finishReason, error, cancelReason, requirements, ...rest }) =>
      compact<Run>({
        runId,
        parentRunId,
        ...rest,
        status,
        output: status === 'completed' ? output : undefined,
        finishReason: status === 'completed' ? finishReason : undefined,
        error: status === 'error' ? error : undefined,
        cancelReason: status === 'cancelled' ? cancelReason : undefined,
        requirements: status === 'paused' ? requirements : undefined,
      }),
    );
}

/** Top-level runs in normal form: teams with members, tools, pauses, errors, cancels. */
export const runsArbitrary: fc.Arbitrary<Run[]> = fc
  .nat(2)
  .chain((count) => fc.tuple(...Array.from({ length: count + 1 }, (_, index) => runAt(`run${index}`, undefined, 0))));

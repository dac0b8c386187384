/** How many runs that ended or paused keep the inputs of their calls still without an outcome. */
const rememberedRuns = 1024;

/**
 * The inputs of the tool calls an agno encoder wrote, until their outcome: agno (2.x/3.x
 * `ToolExecution`, 1.x `tool_args`) repeats a call's arguments on its result.
 */
export interface ToolInputs<T> {
  /** Remembers a call's input; its run is open again if it had ended or paused. */
  set(runId: string, toolCallId: string, value: T): void;
  get(toolCallId: string): T | undefined;
  /** Lets go of a call that has its outcome. */
  answered(toolCallId: string): void;
  /**
   * A run ended or paused: its calls without an outcome stay for a later stream that answers them
   * (the continuation of a paused run, a result sent with the next request), for the last 1024
   * such runs, so a log of many runs keeps a bounded number.
   */
  settle(runId: string): void;
  /** Lets go of a run's calls: the run gets no more events (the open-run bound ended it). */
  forget(runId: string): void;
}

/** Creates {@link ToolInputs}: kept by run, so a run lets go of its own calls without a scan of the others. */
export function createToolInputs<T>(): ToolInputs<T> {
  const inputs = new Map<string, { runId: string; value: T }>();
  const callsByRun = new Map<string, string[]>();
  /** Runs that ended or paused, oldest first. */
  const settled = new Set<string>();

  function forget(runId: string): void {
    for (const toolCallId of callsByRun.get(runId) ?? []) {
      // A call id a later run reused belongs to that run now.
      if (inputs.get(toolCallId)?.runId === runId) inputs.delete(toolCallId);
    }
    callsByRun.delete(runId);
    settled.delete(runId);
  }

  return {
    set(runId, toolCallId, value) {
      if (!inputs.has(toolCallId)) {
        const calls = callsByRun.get(runId);
        if (calls === undefined) callsByRun.set(runId, [toolCallId]);
        else calls.push(toolCallId);
      }
      inputs.set(toolCallId, { runId, value });
      settled.delete(runId);
    },
    get: (toolCallId) => inputs.get(toolCallId)?.value,
    answered(toolCallId) {
      inputs.delete(toolCallId);
    },
    settle(runId) {
      if (!callsByRun.has(runId)) return;
      settled.delete(runId);
      settled.add(runId);
      if (settled.size > rememberedRuns) forget(settled.values().next().value as string);
    },
    forget,
  };
}

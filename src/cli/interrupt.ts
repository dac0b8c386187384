/** Why a command stopped before the end of its input. */
export type StopReason = 'SIGINT' | 'SIGTERM' | 'EPIPE';

/**
 * The exit status of a command stopped early: 128 + the signal's number, as shells report it; a
 * reader that closed standard output (`| head -1`) got what it wanted, so 0 as other Unix tools do.
 */
export const stopExitCodes: Record<StopReason, number> = { SIGINT: 130, SIGTERM: 143, EPIPE: 0 };

/** Watches for the user stopping a command and for standard output going away. */
export interface Interruption {
  /** Aborts at the first interruption: readers stop reading. */
  readonly signal: AbortSignal;
  /** The first interruption, if any. */
  readonly reason: StopReason | undefined;
  /** Stops watching. */
  dispose(): void;
}

/**
 * Turns SIGINT, SIGTERM and EPIPE on standard output into an orderly stop: the command stops
 * reading, writes what it holds (so files keep their tail) and exits with {@link stopExitCodes}.
 * A second signal exits at once, for a command stuck on a full pipe.
 */
export function watchInterruptions(): Interruption {
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason): void => {
    if (reason !== undefined) {
      if (why !== 'EPIPE') process.exit(stopExitCodes[why]);
      return;
    }
    reason = why;
    controller.abort(why);
  };
  const onInterrupt = (): void => stop('SIGINT');
  const onTerminate = (): void => stop('SIGTERM');
  const onOutputError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') stop('EPIPE');
    else throw error;
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  process.stdout.on('error', onOutputError);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose() {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      // Left attached: a late EPIPE from the last write must not become an uncaught error.
    },
  };
}

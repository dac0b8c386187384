export * from './version.js';
export * from './usage.js';
export * from './issue.js';
export * from './issue-schema.js';
export * from './snapshot.js';
export * from './event.js';
export { accumulate, createAccumulator, type Accumulator, type AccumulateOptions } from './accumulate.js';
export { explode, explodeMessage, isStreamable, type ExplodeOptions } from './explode.js';
export { createVerifier, verify, type Verifier, type VerifierOptions } from './verify.js';

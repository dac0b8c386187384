/** The repository root. */
export const root: string;
/** Generated logs (git-ignored). */
export const dataFolder: string;
/** Results of each run as JSON (git-ignored). */
export const resultsFolder: string;
/** The built command line. */
export const cli: string;
/** The real recorded streams each generated log is built from, per source format. */
export const sourceFixtures: Record<'agno' | 'agno-legacy' | 'runner', () => string[]>;

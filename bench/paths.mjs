import { fileURLToPath } from 'node:url';
import { fixtureFiles } from './generate-log.mjs';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Generated logs (git-ignored, reused between runs: their names carry their sizes). */
export const dataFolder = fileURLToPath(new URL('.data/', import.meta.url));

/** Results of each run as JSON (git-ignored). */
export const resultsFolder = fileURLToPath(new URL('results/', import.meta.url));

/** The built command line, the code path the benchmark measures. */
export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const inRepository = (folder) => fileURLToPath(new URL(`../test/${folder}/fixtures/`, import.meta.url));

/** The shared recordings the adapters' fixtures were copied from, where a checkout has them. */
const sharedAgnoFixtures = '/work/shared/fixtures/agno/';

function firstFound(folders, pattern) {
  for (const folder of folders) {
    const files = fixtureFiles(folder, pattern);
    if (files.length > 0) return files;
  }
  return [];
}

/** The real recorded streams each generated log is built from, per source format. */
export const sourceFixtures = {
  /** agno 2.9.0 streams: a tool-using agent, a team with one member, a paused run. */
  agno: () => firstFound([inRepository('agno'), sharedAgnoFixtures], /^v2\.9\.0-(agent-tools|hitl-confirmation|team-one-member)\.jsonl$/),
  /** agno 1.8.4 era B streams: a tool-using agent and a team with one member. */
  'agno-legacy': () => firstFound([inRepository('agno-legacy'), sharedAgnoFixtures], /^v1\.8\.4-(agent-tools|team-one-member)\.jsonl$/),
  /** langchain_adk Runner streams of the runner adapter's tests. */
  runner: () => firstFound([inRepository('runner')], /^[a-z0-9.-]+\.jsonl$/),
};

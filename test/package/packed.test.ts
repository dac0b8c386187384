import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

// The published package as a user gets it: packed, installed into a fresh app from the npm cache
// (the registry only for what the cache lacks), with and without the optional peers.

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
const testedVersion = (name: string): string => (lock.packages[`node_modules/${name}`] as { version: string }).version;
const subpaths = Object.keys(manifest.exports)
  .filter((entry) => entry !== './package.json')
  .map((entry) => (entry === '.' ? 'agent-event-bridge' : `agent-event-bridge/${entry.slice(2)}`));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const work = mkdtempSync(join(tmpdir(), 'agent-event-bridge-package-'));
const withPeers = join(work, 'with-peers');
const withoutPeers = join(work, 'without-peers');

function node(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function app(folder: string): void {
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  writeFileSync(
    join(folder, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], types: [], skipLibCheck: true } })}\n`,
  );
}

/** The README's code blocks and two consumer files, type-checked in one compiler run. */
let compilation: { output: string; readmeFiles: string[] } | undefined;
function compiled(): { output: string; readmeFiles: string[] } {
  if (compilation !== undefined) return compilation;
  const consumer = [
    "import { convert, listFormats, type FormatName } from 'agent-event-bridge';",
    "import { agnoFormat, agnoReader, agnoWriter } from 'agent-event-bridge/agno';",
    "import { toUIMessageStreamResponse } from 'agent-event-bridge/ai-sdk';",
    "import { toLangChainMessages } from 'agent-event-bridge/langchain';",
    'declare const records: unknown[];',
    "const to: FormatName = 'ai-sdk-ui';",
    "convert(records, { from: 'agno', to, encode: { target: 'v5' } });",
    "convert(records, { from: agnoFormat, to: 'agno-legacy', decode: { content: 'delta' } });",
    "convert(records, { from: 'agno-legacy', to: 'agno', encode: { shape: 'aggregate' } });",
    "toLangChainMessages(records, { from: agnoFormat, members: 'omit' });",
    "toLangChainMessages(records, { from: 'agno', formats: listFormats() });",
    "toUIMessageStreamResponse(records, { from: agnoFormat, decode: { content: 'delta' } });",
    "toUIMessageStreamResponse(records, { formats: listFormats() });",
    "convert(records, { from: agnoReader, to: agnoWriter, decode: { content: 'delta' }, encode: { target: '2.x' } });",
    "toUIMessageStreamResponse(records, { from: agnoReader, decode: { lastEventIndex: 3 } });",
  ];
  // Lines 5 – 11 each hold one typo.
  const typos = [
    "import { convert } from 'agent-event-bridge';",
    "import { agnoFormat } from 'agent-event-bridge/agno';",
    "import { toUIMessageStreamResponse } from 'agent-event-bridge/ai-sdk';",
    "import { toLangChainMessages } from 'agent-event-bridge/langchain';",
    "convert([], { to: 'agno', encode: { shape: 'aggregat' } });",
    "convert([], { to: 'ai-sdk' });",
    "convert([], { to: 'agno', encode: { target: 'v5' } });",
    "convert([], { from: 'agno', to: 'canonical', decode: { contents: 'delta' } });",
    "toLangChainMessages([], { from: agnoFormat, members: 'fold' });",
    "toLangChainMessages([] as unknown[], { from: 'agno' });",
    "toUIMessageStreamResponse([], { from: 'agno' });",
  ];
  writeFileSync(join(withPeers, 'consumer.ts'), `${consumer.join('\n')}\n`);
  writeFileSync(join(withPeers, 'typos.ts'), `${typos.join('\n')}\n`);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const readmeFiles = [...readme.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)].map((match, index) => {
    const file = `readme-${index + 1}.ts`;
    const block = match[1] as string;
    // Each block is its own module, as in a user's file.
    writeFileSync(join(withPeers, file), block.includes('export ') || block.includes('import ') ? block : `${block}\nexport {};\n`);
    return file;
  });
  const config = JSON.parse(readFileSync(join(withPeers, 'tsconfig.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(withPeers, 'tsconfig.json'), JSON.stringify({ ...config, files: ['consumer.ts', 'typos.ts', ...readmeFiles] }));
  const checked = spawnSync(process.execPath, [tsc, '--noEmit', '--project', 'tsconfig.json'], { cwd: withPeers, encoding: 'utf8' });
  compilation = { output: checked.stdout + checked.stderr, readmeFiles };
  return compilation;
}

beforeAll(() => {
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
  const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) as string);
  app(withPeers);
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, `ai@${testedVersion('ai')}`, `@langchain/core@${testedVersion('@langchain/core')}`],
    { cwd: withPeers, stdio: 'pipe' },
  );
  // The same install without the peers: the package and its own dependencies only.
  app(withoutPeers);
  for (const name of ['agent-event-bridge', 'zod', 'eventsource-parser', '.bin']) {
    cpSync(join(withPeers, 'node_modules', name), join(withoutPeers, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe('the packed package in a fresh app', () => {
  it('every entry point loads from ESM and CommonJS with the peers installed', () => {
    const esm = node(withPeers, ['--input-type=module', '-e', `for (const name of ${JSON.stringify(subpaths)}) console.log(name, Object.keys(await import(name)).length > 0)`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim().split('\n')).toEqual(subpaths.map((name) => `${name} true`));
    const cjs = node(withPeers, ['-e', `for (const name of ${JSON.stringify(subpaths)}) console.log(name, Object.keys(require(name)).length > 0)`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim().split('\n')).toEqual(subpaths.map((name) => `${name} true`));
  });

  it('builds real LangChain messages with @langchain/core installed', () => {
    const script = "import { toLangChainMessages } from 'agent-event-bridge/langchain'; console.log(toLangChainMessages([{ type: 'run-start', runId: 'r', input: 'hi' }, { type: 'run-end', runId: 'r' }]).map((message) => message.getType()).join())";
    expect(node(withPeers, ['--input-type=module', '-e', script]).stdout.trim()).toBe('human');
  });

  it('without the peers, everything but the LangChain helpers loads', () => {
    const others = subpaths.filter((name) => name !== 'agent-event-bridge/langchain');
    const esm = node(withoutPeers, ['--input-type=module', '-e', `for (const name of ${JSON.stringify(others)}) await import(name); console.log('ok')`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('ok');
  });

  it('without @langchain/core, agent-event-bridge/langchain names the package to install, from ESM and CommonJS', () => {
    const message = 'agent-event-bridge/langchain needs @langchain/core (npm install @langchain/core)';
    const esm = node(withoutPeers, ['--input-type=module', '-e', "try { await import('agent-event-bridge/langchain') } catch (error) { console.log(error.message) }"]);
    expect(esm.stdout.trim()).toBe(message);
    const cjs = node(withoutPeers, ['-e', "try { require('agent-event-bridge/langchain') } catch (error) { console.log(error.message) }"]);
    expect(cjs.stdout.trim()).toBe(message);
  });

  it('types: a consumer with typos in format names and options does not compile, the correct one does', { timeout: 90_000 }, () => {
    const { output } = compiled();
    expect(output).not.toContain('consumer.ts');
    const failing = [...new Set([...output.matchAll(/typos\.ts\((\d+),/g)].map((match) => Number(match[1])))];
    expect(failing).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it("every ts code block of the README compiles against the package's types", { timeout: 90_000 }, () => {
    const { output, readmeFiles } = compiled();
    expect(readmeFiles.length).toBeGreaterThanOrEqual(5);
    expect(output.split('\n').filter((line) => line.startsWith('readme-'))).toEqual([]);
  });

  it('npx agent-event-bridge --version prints the package version', () => {
    const result = spawnSync('npx', ['--no-install', 'agent-event-bridge', '--version'], { cwd: withoutPeers, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(manifest.version);
    expect(result.status).toBe(0);
  });
});

/**
 * The error a subpath throws when an optional peer dependency it needs is not installed: it names
 * the subpath, the package and the command that installs it, instead of the runtime's bare
 * "cannot find module".
 * @param subpath the entry point that needs the peer (`agent-event-bridge/langchain`).
 * @param peer the package to install (`@langchain/core`).
 * @param cause what loading the peer threw.
 */
export function missingPeerError(subpath: string, peer: string, cause: unknown): Error {
  return new Error(`${subpath} needs ${peer} (npm install ${peer})`, { cause });
}

/** Whether a load failure says that `peer` itself is missing (not that it failed to load). */
export function isMissingPeer(error: unknown, peer: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const message = String((error as { message?: unknown }).message);
  // Node: ERR_MODULE_NOT_FOUND (import) and MODULE_NOT_FOUND (require); bundlers and other runtimes name the specifier.
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /cannot find|failed to resolve|not found/i.test(message);
  return notFound && message.includes(peer);
}

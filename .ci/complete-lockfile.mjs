// Completes package-lock.json after `npm install` on a machine whose registry serves only this
// platform's builds: rollup's optional packages for other platforms are then left out of the
// lock, and `npm ci` refuses it. This adds them with the os/cpu/libc their names encode (and no
// tarball address), so `npm ci` finds the lock in sync and skips every one that does not fit
// the platform. Run: node .ci/complete-lockfile.mjs package-lock.json
import { readFileSync, writeFileSync } from 'node:fs';
const lockPath = process.argv[2];
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const cpus = [['arm-eabi', 'arm'], ['arm-gnueabihf', 'arm'], ['arm-musleabihf', 'arm'], ['arm64', 'arm64'], ['x64', 'x64'], ['ia32', 'ia32'], ['loong64', 'loong64'], ['loongarch64', 'loong64'], ['ppc64', 'ppc64'], ['riscv64', 'riscv64'], ['s390x', 's390x']];
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${name}`]) continue;
    const m = /^@rollup\/rollup-(android|darwin|freebsd|openbsd|linux|win32|openharmony)-(.+)$/.exec(name);
    if (!m) { console.error('not handled:', path, name); continue; }
    const rest = m[2];
    const cpu = cpus.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}-`))?.[1];
    if (!cpu) { console.error('no cpu for', name); continue; }
    const libc = /-(gnu|gnueabihf)$/.test(rest) ? ['glibc'] : /-(musl|musleabihf)$/.test(rest) ? ['musl'] : undefined;
    // Keys in the order npm writes them, so that a later `npm install` leaves the lock as it is.
    lock.packages[key] = { version, cpu: [cpu], dev: true, ...(libc ? { libc } : {}), license: 'MIT', optional: true, os: [m[1]] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log('added', added);

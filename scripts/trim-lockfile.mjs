// Removes optional platform packages that the lock file names but does not contain.
//
// Why: the registry this project installs from does not serve some optional prebuilt binaries
// (msgpackr-extract's darwin/win32/linux-arm builds answer 404), so `npm install` writes a lock
// that lists them under `optionalDependencies` without entries, and `npm ci` then refuses the lock
// as out of sync (npm/cli#9846). Those packages are optional accelerators: msgpackr falls back to
// its JavaScript implementation. Run after any `npm install` that changes package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
let removed = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    const nested = `${key}/node_modules/${name}`;
    if (!lock.packages[`node_modules/${name}`] && !lock.packages[nested]) {
      delete entry.optionalDependencies[name];
      removed++;
      console.log(`trim-lockfile: ${key || '(root)'} -> ${name} (not resolvable here)`);
    }
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`trim-lockfile: removed ${removed} unresolvable optional dependencies`);

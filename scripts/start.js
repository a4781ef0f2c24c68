#!/usr/bin/env node
/**
 * `npm start` (and the other run scripts): makes sure dependencies are installed and dist/ is built from the
 * current sources, doing either only when needed and saying so with the expected wait, then runs the
 * compiled entry with plain node:
 *
 *   node scripts/start.js [ENTRY inside dist/, default main.js] [ARGS...]
 *
 * A production install (`npm ci --omit=dev`) has no TypeScript: there dist/ must already be built, and
 * `node dist/main.js` is the way to start (see the README).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const say = (line) => process.stderr.write(`[mentor] ${line}\n`);
const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/** Newest modification time under a folder (the sources are a few hundred files: a walk takes a few ms). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : (mtime(full) ?? 0));
  }
  return latest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    say(`"${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

// npm writes node_modules/.package-lock.json on every install: older than the manifests means "install again".
const installedAt = mtime(path.join(root, 'node_modules', '.package-lock.json'));
const manifestsAt = Math.max(mtime(path.join(root, 'package.json')) ?? 0, mtime(path.join(root, 'package-lock.json')) ?? 0);
if (installedAt === undefined || installedAt < manifestsAt) {
  say(`Installing dependencies (${installedAt === undefined ? 'first run: about 2-3 minutes, sqlite3 is compiled' : 'package.json changed: up to a minute'})...`);
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const builtAt = mtime(path.join(root, 'dist', '.build-stamp'));
const sourcesAt = Math.max(newest(path.join(root, 'src')), mtime(path.join(root, 'tsconfig.json')) ?? 0, mtime(path.join(root, 'tsconfig.build.json')) ?? 0);
if (builtAt === undefined || builtAt < sourcesAt) {
  if (!fs.existsSync(path.join(root, 'node_modules', 'typescript'))) {
    say('dist/ is missing or older than src/, and TypeScript is not installed (a production install?). Build first: `npm ci && npm run build`.');
    process.exit(1);
  }
  say(`Building dist/ from src/ (${builtAt === undefined ? 'first build' : 'sources changed'}: about 10 seconds)...`);
  run(process.execPath, [path.join(__dirname, 'build.js')]);
}

const [entry = 'main.js', ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [path.join(root, 'dist', entry), ...args], { cwd: process.cwd(), stdio: 'inherit' });
// npm passes SIGTERM to this process only: hand it on so the app shuts down cleanly, and exit as it does.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));

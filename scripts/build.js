#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ with tsc, then copies the knowledge base's YAML beside the
 * compiled loader (it reads `path.join(__dirname, 'data')`). dist/ is emptied first so a deleted source file
 * cannot live on as stale JavaScript. Plain JavaScript: it must run before anything is compiled.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
fs.cpSync(path.join(root, 'src', 'knowledge', 'data'), path.join(dist, 'knowledge', 'data'), { recursive: true });
// scripts/start.js compares this file's time with the sources' to decide whether to rebuild.
fs.writeFileSync(path.join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);

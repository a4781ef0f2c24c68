#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ with tsc, then copies the knowledge base's YAML beside the
 * compiled loader (it reads `path.join(__dirname, 'data')`) and compiles it, and the common-words list, to
 * the files the compiled app loads, and bundles the console CLI (scripts/bundle.js). dist/ is emptied
 * first so a deleted source file cannot live on as stale JavaScript. Plain JavaScript: it must run before
 * anything is compiled.
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
// Data the compiled app would otherwise parse at every start (see src/knowledge/documents.ts and
// src/core/understanding/commonWords.ts); the YAML above stays the source kb:check reads.
const knowledgeProblems = require(path.join(dist, 'knowledge', 'compile.js')).compileKnowledgeBase();
if (knowledgeProblems) process.stderr.write(`Knowledge base not compiled (the app will read the YAML): ${knowledgeProblems}\n`);
require(path.join(dist, 'core', 'understanding', 'commonWords.js')).compileCommonWords();

async function finish() {
  // The console CLI as one file with a code cache (see scripts/bundle.js); needs the files written above.
  const notBundled = await require('./bundle').bundleCli({ root, dist });
  if (notBundled) process.stderr.write(`CLI: ${notBundled}\n`);
  // scripts/start.js compares this file's time with the sources' to decide whether to rebuild.
  fs.writeFileSync(path.join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
}

finish().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

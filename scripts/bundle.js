/**
 * Build step (scripts/build.js, after tsc): the console CLI as one file with a V8 code cache, because a
 * one-shot answer is mostly start-up. Unbundled it loads about 190 files: the app's own ~80 modules and
 * zod's ~95, 64 of them locale files every zod entry point loads (as `z.locales`) and the app never reads;
 * resolving, reading and compiling them is most of its time. The build writes, in dist/bots/console/:
 *
 * - cli.bundle.js (+ .map): src/bots/console/cli.ts and everything it imports, bundled by esbuild from the
 *   TypeScript sources, with zod, bundled so that its locale index can be left out (`z.locales` is an
 *   empty object there; the English messages zod configures itself with come from their own module and
 *   are kept), and the small pure-JavaScript packages every answer loads (dotenv, keyv and its SQLite
 *   adapter). Every other package, sqlite3's native addon included, is required from node_modules at run
 *   time, like the rest of dist/ does.
 *   Sources that find files beside themselves (`__dirname`, `__filename`) get the directory their tsc
 *   output lives in, so the bundle reads dist/knowledge/knowledge.json and the rest as the modules do.
 * - cli.bundle.js.cache: V8's code cache for it, written by one sample answer at build time (Node 22's
 *   module.enableCompileCache does this for every module, but Node 20 lacks it). It starts with the
 *   SHA-1 of the bundle it belongs to; V8 itself rejects a cache from another Node or V8 version.
 * - cli.js: the entry (`node dist/bots/console/cli.js`, what npm run mentor runs) replacing tsc's: it
 *   compiles the bundle with the cache when the cache is the bundle's own, else without, and runs it.
 *
 * esbuild is a build-time tool (a dev dependency, through tsx); without it tsc's cli.js stays, which works
 * the same and starts slower. The output runs with plain node and the production dependencies only.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Packages bundled into the CLI (pure JavaScript); every other package is required from node_modules at run time. */
const BUNDLED_PACKAGES = new Set(['zod', 'dotenv', 'keyv', '@keyv/sqlite', '@keyv/serialize']);
/** What the sample answer at build time asks: the one-shot answer bench/startup.ts times. */
const SAMPLE_ARGS = ['ask', 'what is automl'];
const CACHE_ENV = 'MENTOR_WRITE_CODE_CACHE';

const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The entry: tsc's cli.js is replaced by this (a plain script; the bundle holds the program). */
const LOADER = `'use strict';
// Written by scripts/bundle.js: runs cli.bundle.js, compiled with its V8 code cache when that belongs to it.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { wrap } = require('node:module');
const file = join(__dirname, 'cli.bundle.js');
const source = readFileSync(file, 'latin1'); // ASCII: see scripts/bundle.js
let cachedData;
try {
  const cache = readFileSync(\`\${file}.cache\`);
  const hash = require('node:crypto').createHash('sha1').update(source).digest();
  if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
} catch {
  // No cache (or an unreadable one): compile without it.
}
const script = new Script(wrap(source), { filename: file, cachedData });
const writeCache = process.env.${CACHE_ENV};
if (writeCache) {
  process.once('exit', () => {
    const hash = require('node:crypto').createHash('sha1').update(source).digest();
    writeFileSync(writeCache, Buffer.concat([hash, script.createCachedData()]));
  });
}
script.runInThisContext()(exports, require, module, file, __dirname);
`;

/**
 * @param {{ root: string, dist: string }} options
 * @returns {Promise<string | undefined>} what was not done and why, when something was not
 */
async function bundleCli({ root, dist }) {
  let esbuild;
  try {
    esbuild = require(require.resolve('esbuild', { paths: [root] }));
  } catch {
    return 'esbuild is not installed: dist/bots/console/cli.js is left unbundled';
  }
  const src = path.join(root, 'src');
  const outdir = path.join(dist, 'bots', 'console');
  const bundle = path.join(outdir, 'cli.bundle.js');
  const zodLocales = path.join(path.dirname(require.resolve('zod/package.json', { paths: [root] })), 'v4', 'locales', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(src, 'bots', 'console', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: true,
    charset: 'ascii',
    // `import('openai')` compiled as tsc compiles it, a require on first use: a native import() would
    // give a CommonJS package's whole exports as its default, and needs more of vm than the loader sets up.
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
    plugins: [
      {
        name: 'mentor',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:') || !BUNDLED_PACKAGES.has(packageName(args.path))) return { path: args.path, external: true };
            return undefined;
          });
          // `export * as locales from "../locales/index.js"` in zod's entry points: an empty namespace instead.
          build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => {
            if (path.resolve(args.resolveDir, args.path) === zodLocales) return { path: zodLocales, namespace: 'empty' };
            return undefined;
          });
          build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
          // Files that locate data beside themselves: point them at their own directory in dist/.
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (!args.path.startsWith(src + path.sep)) return undefined;
            const source = await fs.promises.readFile(args.path, 'utf8');
            if (!/\b__(dirname|filename)\b/.test(source)) return undefined;
            const relative = path.relative(src, args.path);
            const ownDir = `require("node:path").join(__dirname, ${JSON.stringify(path.relative(outdir, path.join(dist, path.dirname(relative))))})`;
            const ownFile = JSON.stringify(path.basename(relative).replace(/\.ts$/, '.js'));
            const contents = source.replace(/\b__(dirname|filename)\b/g, (_, which) => (which === 'dirname' ? `(${ownDir})` : `require("node:path").join(${ownDir}, ${ownFile})`));
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  // esbuild leaves a few non-ASCII characters in regular expression literals and comments, where a \u
  // escape means the same: an ASCII file is read as Latin-1 into a one-byte string, half the size and
  // quicker to read, hash and compile than the two-byte string one such character makes of UTF-8 text.
  const ascii = fs.readFileSync(bundle, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  fs.writeFileSync(bundle, ascii);
  const entry = path.join(outdir, 'cli.js');
  fs.writeFileSync(entry, LOADER);
  fs.rmSync(`${entry}.map`, { force: true });
  return writeCodeCache(entry, `${bundle}.cache`);
}

/** One sample answer with the built CLI, in a scratch directory (no .env, a throw-away SQLite store). */
function writeCodeCache(entry, cacheFile) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mentor-build-'));
  try {
    const env = { PATH: process.env.PATH ?? '', STORE_URL: `sqlite://${path.join(scratch, 'sample.sqlite')}`, [CACHE_ENV]: cacheFile };
    const run = spawnSync(process.execPath, [entry, ...SAMPLE_ARGS], { cwd: scratch, env, encoding: 'utf8' });
    if (run.status !== 0 || !fs.existsSync(cacheFile)) {
      fs.rmSync(cacheFile, { force: true });
      return `no code cache for the CLI (the sample answer exited ${run.status ?? run.signal}: ${String(run.stderr).trim()})`;
    }
    return undefined;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { bundleCli };

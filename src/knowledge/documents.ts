/**
 * Where the knowledge base's documents come from. The YAML files in data/ are the source of truth: writers
 * edit them, `npm run kb:check` and the tests read them. The build compiles them into one JSON file beside
 * the compiled loader, so the deployed app starts without loading and running a YAML parser (about a
 * quarter of a one-shot CLI answer's time). Either way the loader validates what it reads; for the
 * compiled file the build does it once and keeps the result beside it (see the checked file below).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface KnowledgeDocuments {
  /** How a document that cannot be read is described ("cannot be read as YAML: ..."). */
  readonly unreadable: string;
  /** The parsed content of one data file, by its file name; throws when it cannot be read. */
  read(file: string): unknown;
}

/** Written by `npm run build` beside the compiled loader; never present beside the TypeScript sources. */
export const COMPILED_KNOWLEDGE_FILE = path.join(__dirname, 'knowledge.json');

export function yamlDocuments(dir: string): KnowledgeDocuments {
  // Required on use: the compiled app reads JSON and never needs the YAML parser's modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  return { unreadable: 'cannot be read as YAML', read: (file) => parse(readFileSync(path.join(dir, file), 'utf8')) as unknown };
}

export function compiledDocuments(file: string = COMPILED_KNOWLEDGE_FILE): KnowledgeDocuments {
  const byFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return {
    unreadable: `cannot be read from the compiled ${path.basename(file)}`,
    read: (name) => {
      if (!Object.hasOwn(byFile, name)) throw new Error('missing: rebuild with `npm run build`');
      return byFile[name];
    },
  };
}

/**
 * Beside the compiled file, the build keeps what validating it gave (the schemas' output, defaults filled
 * in) under the compiled file's SHA-1: the loader uses it for exactly that file and validates anything
 * else, a damaged or hand-edited file, as before.
 */
export const checkedFileOf = (compiledFile: string) => compiledFile.replace(/\.json$/, '.checked.json');

const sha1 = (content: Buffer) => createHash('sha1').update(content).digest('hex');

export function writeCheckedKnowledge(parsed: unknown, compiledFile: string = COMPILED_KNOWLEDGE_FILE): void {
  writeFileSync(checkedFileOf(compiledFile), JSON.stringify({ compiled: sha1(readFileSync(compiledFile)), parsed }));
}

/** The build's validated content of `compiledFile`, when the checked file is there and was made from it. */
export function readCheckedKnowledge(compiledFile: string = COMPILED_KNOWLEDGE_FILE): unknown {
  let checked: { compiled?: unknown; parsed?: unknown };
  try {
    checked = JSON.parse(readFileSync(checkedFileOf(compiledFile), 'utf8')) as typeof checked;
  } catch {
    return undefined;
  }
  return checked.compiled === sha1(readFileSync(compiledFile)) ? checked.parsed : undefined;
}

export const compiledDocumentsExist = (file: string = COMPILED_KNOWLEDGE_FILE) => existsSync(file);

/** The JSON the build writes: every data file's parsed content under its file name. */
export function compileDocuments(documents: KnowledgeDocuments, files: readonly string[]): string {
  return JSON.stringify(Object.fromEntries(files.map((file) => [file, documents.read(file)])));
}

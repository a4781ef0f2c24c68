/**
 * Build step (scripts/build.js, after tsc): the YAML knowledge base compiled into the one JSON file the
 * compiled app loads. The file is written, then loaded and validated exactly as the app would load it, and
 * what that gave is kept beside it (documents.ts), so the app does not redo it at every start; a
 * knowledge base with problems is not compiled, so the app reads (and rejects) the YAML as it always did
 * and `npm run kb:check` still lists the problems, rather than the build failing with them.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { checkedFileOf, compileDocuments, compiledDocuments, COMPILED_KNOWLEDGE_FILE, writeCheckedKnowledge, yamlDocuments } from './documents';
import { assembleKnowledgeBase, DEFAULT_DATA_DIR, FILES, KnowledgeBaseError, parseKnowledge, type KnowledgeProblem } from './load';

/** Returns the problems' description when the knowledge base could not be compiled. */
export function compileKnowledgeBase(dataDir: string = DEFAULT_DATA_DIR, file: string = COMPILED_KNOWLEDGE_FILE): string | undefined {
  rmSync(file, { force: true });
  rmSync(checkedFileOf(file), { force: true });
  let json: string;
  try {
    json = compileDocuments(yamlDocuments(dataDir), Object.values(FILES));
  } catch (error) {
    return `cannot be read: ${(error as Error).message.split('\n')[0]}`;
  }
  writeFileSync(file, json);
  try {
    const problems: KnowledgeProblem[] = [];
    const parsed = parseKnowledge(compiledDocuments(file), problems);
    assembleKnowledgeBase(parsed, problems); // throws the problems, the checks across files' included
    writeCheckedKnowledge(parsed, file);
    return undefined;
  } catch (error) {
    rmSync(file, { force: true });
    if (error instanceof KnowledgeBaseError) return error.message;
    throw error;
  }
}

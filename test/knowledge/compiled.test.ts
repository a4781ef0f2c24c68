import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileKnowledgeBase } from '../../src/knowledge/compile';
import { checkedFileOf, compiledDocuments } from '../../src/knowledge/documents';
import { DEFAULT_DATA_DIR, loadCompiledKnowledgeBase, loadKnowledgeBase, validateKnowledgeBase } from '../../src/knowledge/load';

/** The build's JSON must give the app exactly the knowledge base the YAML gives the tests and kb:check. */
describe('compiled knowledge base', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'kb-compiled-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads to the same knowledge base as the YAML', () => {
    const file = path.join(dir, 'knowledge.json');
    expect(compileKnowledgeBase(DEFAULT_DATA_DIR, file)).toBeUndefined();
    expect(validateKnowledgeBase(compiledDocuments(file))).toEqual(loadKnowledgeBase(DEFAULT_DATA_DIR));
  });

  it('keeps what validating it gave, which loads to the same knowledge base without validating again', () => {
    const file = path.join(dir, 'knowledge.json');
    expect(compileKnowledgeBase(DEFAULT_DATA_DIR, file)).toBeUndefined();
    const checked = JSON.parse(readFileSync(checkedFileOf(file), 'utf8')) as { compiled: string; parsed: unknown };
    expect(checked.compiled).toMatch(/^[0-9a-f]{40}$/);
    expect(loadCompiledKnowledgeBase(file)).toEqual(loadKnowledgeBase(DEFAULT_DATA_DIR));
    // Proof the checked copy is what was loaded: a marker put in it shows up (the schemas would reject it).
    const parsed = checked.parsed as { tips: { id: string }[] };
    parsed.tips[0]!.id = 'Checked Copy';
    writeFileSync(checkedFileOf(file), JSON.stringify(checked));
    expect(loadCompiledKnowledgeBase(file).tips[0]!.id).toBe('Checked Copy');
  });

  it('is not written from a knowledge base with problems, which are returned', () => {
    const data = path.join(dir, 'data');
    cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
    const tips = path.join(data, 'tips.yaml');
    writeFileSync(tips, readFileSync(tips, 'utf8').replace(/^(\s*-\s*id:\s*)\S+/m, '$1Not An Id'));
    const file = path.join(dir, 'knowledge.json');
    expect(compileKnowledgeBase(data, file)).toMatch(/tips\.yaml.*lower-case words joined by hyphens/);
    expect(() => readFileSync(file)).toThrow();
    expect(() => readFileSync(checkedFileOf(file))).toThrow();
  });

  it('is still validated when loaded: a damaged file is rejected with the file named', () => {
    const file = path.join(dir, 'knowledge.json');
    compileKnowledgeBase(DEFAULT_DATA_DIR, file);
    const byFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { tips: { id: string }[] }>;
    byFile['tips.yaml']!.tips[0]!.id = 'Not An Id';
    delete (byFile as Record<string, unknown>)['words.yaml'];
    writeFileSync(file, JSON.stringify(byFile));
    // The build's checked copy belongs to the file as it was built, not to this one: the loader validates.
    for (const load of [() => validateKnowledgeBase(compiledDocuments(file)), () => loadCompiledKnowledgeBase(file)]) {
      expect(load).toThrow(/tips\.yaml, entry "Not An Id", field "id": must be lower-case words joined by hyphens/);
      expect(load).toThrow(/words\.yaml: cannot be read from the compiled knowledge\.json: missing/);
    }
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_DATA_DIR, KnowledgeBaseError, loadKnowledgeBase, type KnowledgeProblem } from '../../src/knowledge/load';
import { AREAS } from '../../src/knowledge/schema';
import { missingKeyPoints } from '../../src/core/answers/keyPoints';

type Data = Record<string, Record<string, unknown>[]>;

/** Copies the real knowledge base, lets a test break one file, and returns the problems it causes. */
function problemsAfter(file: string, breakIt: (data: Data) => void): KnowledgeProblem[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  try {
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const target = path.join(dir, file);
    const data = parse(readFileSync(target, 'utf8')) as Data;
    breakIt(data);
    writeFileSync(target, stringify(data));
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.problems;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected the broken knowledge base to be rejected');
}

const topic = (data: Data, id: string) => data.topics!.find((t) => t.id === id)!;

describe('knowledge base loading', () => {
  const kb = loadKnowledgeBase();

  it('loads the curated data with full coverage of the article', () => {
    expect(kb.topics.length).toBeGreaterThanOrEqual(20);
    expect(kb.tips.length).toBeGreaterThanOrEqual(40);
    expect(new Set(kb.topics.map((t) => t.area))).toEqual(new Set(AREAS));
    const text = JSON.stringify([kb.topics, kb.explanations]).toLowerCase();
    for (const named of ['tensorflow', 'pytorch', 'keras', 'spark', 'yolo', 'mask r-cnn', 'vgg-face', 'facenet', 'bert', 'gpt-2', 'ulmfit', 'hugging face', 'spacy', 'feature selection', 'imputation', 'data transformation', 'hyperparameter', 'airflow', 'kubeflow', 'cloud', 'julia', '.net', 'javascript', 'mathematical model', 'qa engineer', 'bloomberg', 'data scientist']) {
      expect(text).toContain(named);
    }
    for (const entry of [...kb.topics, ...kb.explanations, ...kb.tips, ...kb.roles, ...kb.backgrounds]) expect(entry.source.section).toBeTruthy();
  });

  it('orders the path along the article: code first, the job market last', () => {
    expect(kb.topics[0]!.area).toBe('code');
    expect(kb.topics[kb.topics.length - 1]!.area).toBe('job-market');
    const areaOrder = kb.topics.map((t) => AREAS.indexOf(t.area));
    expect([...areaOrder].sort((a, b) => a - b)).toEqual(areaOrder);
  });

  it('names file, entry, field and reason for an unknown prerequisite', () => {
    const problems = problemsAfter('topics.yaml', (d) => {
      topic(d, 'pytorch').prerequisites = ['ml-frameworks', 'quantum-basics'];
    });
    expect(problems).toContainEqual({ file: 'topics.yaml', entry: 'pytorch', field: 'prerequisites.1', reason: 'names unknown topic id "quantum-basics"' });
  });

  it('rejects a prerequisite cycle', () => {
    const problems = problemsAfter('topics.yaml', (d) => {
      topic(d, 'programming-basics').prerequisites = ['pytorch'];
    });
    expect(problems.some((p) => p.field === 'prerequisites' && /cycle: .*pytorch.*programming-basics|cycle: .*programming-basics.*pytorch/.test(p.reason))).toBe(true);
  });

  it('rejects an alias used twice', () => {
    const problems = problemsAfter('topics.yaml', (d) => {
      (topic(d, 'keras').aliases as string[]).push('Torch');
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'topics.yaml', entry: 'keras', reason: 'alias "Torch" is already used by "pytorch"' }));
  });

  it('rejects a missing source', () => {
    const problems = problemsAfter('explanations.yaml', (d) => {
      delete d.explanations![0]!.source;
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'explanations.yaml', field: 'source', reason: expect.stringContaining('must cite the article section') })]);
  });

  it('rejects a section the article does not have', () => {
    const problems = problemsAfter('tips.yaml', (d) => {
      d.tips![2]!.source = { section: 'Trend 9 — Quantum' };
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'tips.yaml', field: 'source.section', reason: expect.stringContaining("article's sections") })]);
  });

  it('rejects a non-https resource, a bad date and an unknown field', () => {
    const problems = problemsAfter('topics.yaml', (d) => {
      const t = topic(d, 'keras');
      (t.resources as Record<string, unknown>[])[0]!.url = 'http://keras.io/';
      t.reviewed = 'last week';
      t.difficulty = 'easy';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entry: 'keras', field: 'resources.0.url', reason: 'must be an https URL' }),
        expect.objectContaining({ entry: 'keras', field: 'reviewed', reason: 'must be a date like 2026-11-27' }),
        expect.objectContaining({ entry: 'keras', reason: expect.stringContaining('difficulty') }),
      ]),
    );
  });

  it('rejects unknown topic ids in backgrounds, explanations and tips', () => {
    expect(problemsAfter('roles.yaml', (d) => void ((d.backgrounds![0]!.focus as string[]) = ['warp-drive']))).toContainEqual(expect.objectContaining({ file: 'roles.yaml', field: 'focus.0', reason: 'names unknown topic id "warp-drive"' }));
    expect(problemsAfter('tips.yaml', (d) => void (d.tips![0]!.topic = 'warp-drive'))).toContainEqual(expect.objectContaining({ file: 'tips.yaml', field: 'topic.0' }));
  });

  it('rejects a duplicate id and an empty summary', () => {
    const problems = problemsAfter('topics.yaml', (d) => {
      d.topics!.push({ ...topic(d, 'keras'), aliases: [] });
      topic(d, 'spacy').summary = '   ';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entry: 'keras', field: 'id', reason: 'is used by another entry in this file' }),
        expect.objectContaining({ entry: 'spacy', field: 'summary', reason: 'must not be empty' }),
      ]),
    );
  });

  it('reports a file that is not YAML', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
    try {
      cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
      writeFileSync(path.join(dir, 'tips.yaml'), 'tips: [unclosed');
      expect(() => loadKnowledgeBase(dir)).toThrow(/tips\.yaml: cannot be read as YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('key points of the article in the answers', () => {
  const kb = loadKnowledgeBase();

  it('every answer carries the key points its entry lists', () => {
    expect(missingKeyPoints(kb)).toEqual([]);
    expect(kb.explanations.find((e) => e.id === 'ml-engineer-vs-data-scientist')!.keyPoints).toContain('between software engineering and data science');
  });

  it('reports an answer that lost one of its key points, naming the entry', () => {
    const edited = {
      ...kb,
      explanations: kb.explanations.map((e) => (e.id === 'ml-engineer-vs-data-scientist' ? { ...e, answer: e.answer.replace('between software engineering and data science', 'somewhere in tech') } : e)),
    };
    expect(missingKeyPoints(edited)).toEqual([
      expect.objectContaining({ file: 'explanations.yaml', entry: 'ml-engineer-vs-data-scientist', reason: 'the answer does not say "between software engineering and data science"' }),
    ]);
  });

  it('every stage step names topics of its own area, and every topic is in one stage', () => {
    const staged = kb.stages.flatMap((s) => [...s.steps.flatMap((step) => ('all' in step ? step.all : step.anyOf)), ...s.deeper]);
    expect(staged.sort()).toEqual(kb.topics.map((t) => t.id).sort());
    const problems = problemsAfter('path.yaml', (data) => {
      (data.stages![0]!.steps as { all?: string[] }[])[0]!.all = ['programming-basics', 'pytorch'];
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'path.yaml', entry: 'code', reason: 'topic "pytorch" belongs to area "frameworks"' })]);
  });
});

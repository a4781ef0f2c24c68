/**
 * The answer-quality eval: realistic messages (test/eval/cases.jsonl), each run as a fresh person's DM
 * conversation through the real core on an in-memory store, then checked against what the answer must
 * carry. Phrasings were written from the article by someone who had read neither the knowledge base nor
 * the code, so this measures understanding, not our own keywords.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/load';
import { AREAS } from '../../src/knowledge/schema';
import { createMentor, type Mentor } from '../../src/core/mentor';
import { createState } from '../../src/storage/createState';
import { statusMap } from '../../src/core/engine/skillGraph';
import type { Reply } from '../../src/core/reply';

const labels = z.array(z.string()).optional();
export const evalCaseSchema = z.strictObject({
  id: z.string(),
  category: z.string(),
  turns: z.array(z.string()).min(1),
  expect: z.strictObject({
    next: labels,
    notNext: labels,
    topic: labels,
    facts: z.array(z.array(z.string()).min(1)).optional(),
    known: labels,
    notKnown: labels,
    outOfScope: z.boolean().optional(),
  }),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export const CASES_FILE = path.join(__dirname, 'cases.jsonl');

export function loadCases(file = CASES_FILE): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** The stage labels of the eval ("stage:frameworks") and the areas they stand for. */
const STAGE_LABELS: Record<string, (typeof AREAS)[number]> = {
  'stage:code': 'code',
  'stage:frameworks': 'frameworks',
  'stage:pretrained': 'pretrained-models',
  'stage:automl': 'automl',
  'stage:mlops': 'mlops-data-engineering',
  'stage:cloud': 'cloud',
};

function expand(kb: KnowledgeBase, list: string[]): Set<string> {
  const out = new Set<string>();
  for (const label of list) {
    const area = STAGE_LABELS[label];
    if (area) kb.topics.filter((t) => t.area === area).forEach((t) => out.add(t.id));
    else out.add(label.replace(/^role:/, ''));
  }
  return out;
}

const plain = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');

export interface CaseResult {
  case: EvalCase;
  ok: boolean;
  failures: string[];
  answer: Reply;
}

export interface EvalReport {
  results: CaseResult[];
  byCategory: Map<string, { passed: number; total: number }>;
  overall: { passed: number; total: number };
}

export interface EvalOptions {
  cases?: EvalCase[];
  /** Builds the mentor under test (the core, or a decorator over it that keeps its `deps`); the default is the core on a fresh in-memory store. */
  mentor?: (kb: KnowledgeBase) => Pick<Mentor, 'handle' | 'deps'>;
}

export async function runEval(options: EvalOptions = {}): Promise<EvalReport> {
  const kb = loadKnowledgeBase();
  const mentor = options.mentor?.(kb) ?? createMentor({ store: createState('memory'), knowledge: kb });
  const results: CaseResult[] = [];
  for (const c of options.cases ?? loadCases()) {
    const userId = `eval-${c.id}`;
    let answer: Reply | undefined;
    for (const text of c.turns) answer = await mentor.handle({ kind: 'message', userId, text });
    const { profile } = await mentor.deps.profiles.load(userId, new Date());
    results.push(check(kb, c, answer!, statusMap(kb, profile)));
  }
  const byCategory = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    const entry = byCategory.get(r.case.category) ?? { passed: 0, total: 0 };
    entry.total++;
    if (r.ok) entry.passed++;
    byCategory.set(r.case.category, entry);
  }
  const passed = results.filter((r) => r.ok).length;
  return { results, byCategory, overall: { passed, total: results.length } };
}

function check(kb: KnowledgeBase, c: EvalCase, answer: Reply, statuses: ReadonlyMap<string, string>): CaseResult {
  const failures: string[] = [];
  const e = c.expect;
  const about = answer.about ?? { topics: [] };
  const next = about.next;
  const subjects = new Set([...about.topics, ...(about.subjects ?? [])]);
  if (about.topics.includes('ai-team-roles') || (about.subjects ?? []).includes('job-market')) subjects.add('job-market');
  if (about.intent === 'how-long') subjects.add('how-long');
  const text = plain(answer.text);
  const knownish = (id: string) => ['done', 'assumed', 'learning'].includes(statuses.get(id) ?? 'todo');

  if (e.next && !(next && expand(kb, e.next).has(next))) failures.push(`next step ${next ?? 'none'}, expected one of ${e.next.join(', ')}`);
  if (e.notNext && next && expand(kb, e.notNext).has(next)) failures.push(`next step ${next} is one it must not be`);
  if (e.topic && ![...expand(kb, e.topic)].some((label) => subjects.has(label))) failures.push(`about ${[...subjects].join(', ') || 'nothing'}, expected ${e.topic.join(' or ')}`);
  for (const fact of e.facts ?? []) if (!fact.some((alt) => text.includes(plain(alt)))) failures.push(`missing fact: ${fact.join(' / ')}`);
  for (const id of e.known ?? []) if (!knownish(id)) failures.push(`${id} not recorded as known`);
  for (const id of e.notKnown ?? []) if (knownish(id)) failures.push(`${id} recorded as known`);
  if (e.outOfScope && about.intent !== 'out-of-scope') failures.push(`answered as ${about.intent ?? 'unknown'}, expected out of scope`);
  return { case: c, ok: failures.length === 0, failures, answer };
}

export function formatReport(report: EvalReport, verbose = false): string {
  const pct = (p: number, t: number) => `${((100 * p) / Math.max(1, t)).toFixed(1)}%`;
  const lines = [...report.byCategory].map(([cat, s]) => `${cat.padEnd(20)} ${String(s.passed).padStart(4)}/${String(s.total).padEnd(4)} ${pct(s.passed, s.total)}`);
  lines.push(`${'overall'.padEnd(20)} ${String(report.overall.passed).padStart(4)}/${String(report.overall.total).padEnd(4)} ${pct(report.overall.passed, report.overall.total)}`);
  if (verbose) {
    for (const r of report.results.filter((x) => !x.ok)) lines.push(`FAIL ${r.case.id}: ${JSON.stringify(r.case.turns)}\n     ${r.failures.join('; ')}`);
  }
  return lines.join('\n');
}

/**
 * Loads and validates the knowledge base. Errors name the file, the entry id, the field and the reason,
 * because the people who edit these files are writers, not debuggers.
 */
import path from 'node:path';
import { z } from 'zod';
import { COMPILED_KNOWLEDGE_FILE, compiledDocuments, compiledDocumentsExist, readCheckedKnowledge, yamlDocuments, type KnowledgeDocuments } from './documents';
import {
  AREAS,
  backgroundSchema,
  explanationSchema,
  explanationsFileSchema,
  goalSchema,
  pathFileSchema,
  wordsFileSchema,
  roleSchema,
  stageSchema,
  taskSchema,
  rolesFileSchema,
  tipSchema,
  tipsFileSchema,
  topicSchema,
  topicsFileSchema,
  type Background,
  type Explanation,
  type Goal,
  type Role,
  type Stage,
  type StageStep,
  type Task,
  type Tip,
  type Topic,
} from './schema';

export const DEFAULT_DATA_DIR = path.join(__dirname, 'data');

export interface KnowledgeProblem {
  file: string;
  entry?: string;
  field?: string;
  reason: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = [p.file, p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`].filter(Boolean).join(', ');
  return `  - ${where}: ${p.reason}`;
}

export interface KnowledgeBase {
  /** Topics in learning-path order. */
  topics: Topic[];
  topicById: Map<string, Topic>;
  roles: Role[];
  backgrounds: Background[];
  goals: Goal[];
  explanations: Explanation[];
  tips: Tip[];
  /** Position of each topic on the path: area order first, then file order. */
  pathIndex: Map<string, number>;
  /** The article's path in stages, in order (path.yaml). */
  stages: Stage[];
  /** The stage each topic belongs to. */
  stageOf: Map<string, Stage>;
  /** For a topic in an `anyOf` step: that step (any one of its topics is enough). */
  choiceOf: Map<string, Extract<StageStep, { anyOf: string[] }>>;
  /** Jobs the article names tools for. */
  tasks: Task[];
  /** Chat spellings and what they stand for (words.yaml). */
  slang: Map<string, string>;
}

export const FILES = {
  topics: 'topics.yaml',
  roles: 'roles.yaml',
  explanations: 'explanations.yaml',
  tips: 'tips.yaml',
  path: 'path.yaml',
  words: 'words.yaml',
} as const;

/**
 * The YAML files in `dir` when given; otherwise the build's compiled JSON when present (the compiled app),
 * else the YAML files beside the loader (the TypeScript sources, tests, kb:check).
 */
export function loadKnowledgeBase(dir?: string): KnowledgeBase {
  if (dir === undefined && compiledDocumentsExist()) return loadCompiledKnowledgeBase();
  return validateKnowledgeBase(yamlDocuments(dir ?? DEFAULT_DATA_DIR));
}

/**
 * The build's compiled JSON. The build validated it and kept what the schemas made of it (with the file's
 * hash, see documents.ts): for that very file the schemas' work is not done again at every start (most of
 * the loading time); any other content, a damaged or hand-edited file, is validated as always.
 */
export function loadCompiledKnowledgeBase(file: string = COMPILED_KNOWLEDGE_FILE): KnowledgeBase {
  const parsed = readCheckedKnowledge(file) as ParsedKnowledge | undefined;
  return parsed ? assembleKnowledgeBase(parsed, []) : validateKnowledgeBase(compiledDocuments(file));
}

/** What the schemas make of the data files: every entry checked, with its defaults filled in. Plain JSON. */
export interface ParsedKnowledge {
  topics: Topic[];
  roles: Role[];
  backgrounds: Background[];
  goals: Goal[];
  explanations: Explanation[];
  tips: Tip[];
  stages: Stage[];
  tasks: Task[];
  slang: Record<string, string>;
}

export function validateKnowledgeBase(documents: KnowledgeDocuments): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  return assembleKnowledgeBase(parseKnowledge(documents, problems), problems);
}

/** Each file and entry through its schema; what does not pass is left out and added to `problems`. */
export function parseKnowledge(documents: KnowledgeDocuments, problems: KnowledgeProblem[]): ParsedKnowledge {
  const read = <T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined => {
    let raw: unknown;
    try {
      raw = documents.read(file);
    } catch (error) {
      problems.push({ file, reason: `${documents.unreadable}: ${(error as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join('.') || undefined, reason: issue.message });
      return undefined;
    }
    return parsed.data;
  };

  const entries = <T extends z.ZodType>(file: string, list: unknown[] | undefined, schema: T, label: string) => {
    const valid: z.infer<T>[] = [];
    const seen = new Set<string>();
    (list ?? []).forEach((item, index) => {
      const rawId = (item as { id?: unknown } | null)?.id;
      const entry = typeof rawId === 'string' ? rawId : `${label} #${index + 1}`;
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, entry, field: issue.path.join('.') || undefined, reason: issue.message });
        return;
      }
      if (seen.has(entry)) problems.push({ file, entry, field: 'id', reason: 'is used by another entry in this file' });
      seen.add(entry);
      valid.push(parsed.data);
    });
    return valid;
  };

  const topicsFile = read(FILES.topics, topicsFileSchema);
  const rolesFile = read(FILES.roles, rolesFileSchema);
  const explanationsFile = read(FILES.explanations, explanationsFileSchema);
  const tipsFile = read(FILES.tips, tipsFileSchema);
  const pathFile = read(FILES.path, pathFileSchema);
  const wordsFile = read(FILES.words, wordsFileSchema);

  return {
    topics: entries(FILES.topics, topicsFile?.topics, topicSchema, 'topic'),
    roles: entries(FILES.roles, rolesFile?.roles, roleSchema, 'role'),
    backgrounds: entries(FILES.roles, rolesFile?.backgrounds, backgroundSchema, 'background'),
    goals: entries(FILES.roles, rolesFile?.goals, goalSchema, 'goal'),
    explanations: entries(FILES.explanations, explanationsFile?.explanations, explanationSchema, 'explanation'),
    tips: entries(FILES.tips, tipsFile?.tips, tipSchema, 'tip'),
    stages: entries(FILES.path, (pathFile?.stages ?? []).map((s) => ({ ...(s as object) })), stageSchema, 'stage'),
    tasks: entries(FILES.path, pathFile?.tasks, taskSchema, 'task'),
    slang: wordsFile?.slang ?? {},
  };
}

/** The checks across files and entries, then the indexes; throws every problem found, `problems` included. */
export function assembleKnowledgeBase(parsed: ParsedKnowledge, problems: KnowledgeProblem[]): KnowledgeBase {
  const { topics, roles, backgrounds, goals, explanations, tips, stages, tasks } = parsed;
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const checkTopicRefs = (file: string, entry: string, field: string, ids: readonly string[]) => {
    ids.forEach((ref, i) => {
      if (!topicById.has(ref)) problems.push({ file, entry, field: `${field}.${i}`, reason: `names unknown topic id "${ref}"` });
    });
  };

  for (const t of topics) {
    checkTopicRefs(FILES.topics, t.id, 'prerequisites', t.prerequisites);
    checkTopicRefs(FILES.topics, t.id, 'implies', t.implies);
  }
  for (const task of tasks) checkTopicRefs(FILES.path, task.id, 'tools', task.tools);
  const { stageOf, choiceOf, problems: stageProblems } = indexStages(stages, topicById);
  problems.push(...stageProblems);
  for (const b of backgrounds) {
    checkTopicRefs(FILES.roles, b.id, 'assumedKnown', b.assumedKnown);
    checkTopicRefs(FILES.roles, b.id, 'focus', b.focus);
  }
  for (const g of goals) checkTopicRefs(FILES.roles, g.id, 'focus', g.focus);
  for (const e of explanations) checkTopicRefs(FILES.explanations, e.id, 'related', e.related);
  for (const tip of tips) if (tip.topic) checkTopicRefs(FILES.tips, tip.id, 'topic', [tip.topic]);

  problems.push(...findCycles(topics));
  problems.push(...findRepeatedAliases(FILES.topics, topics));
  problems.push(...findRepeatedAliases(FILES.roles, [...roles, ...backgrounds, ...goals]));

  if (problems.length > 0) throw new KnowledgeBaseError(problems);

  // The path walks the article's areas in order; inside an area, the file's order is the author's order.
  const ordered = [...topics].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || topics.indexOf(a) - topics.indexOf(b));
  return {
    topics: ordered,
    topicById,
    roles,
    backgrounds,
    goals,
    explanations,
    tips,
    pathIndex: new Map(ordered.map((t, i) => [t.id, i])),
    stages: [...stages].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area)),
    stageOf,
    choiceOf,
    tasks,
    slang: new Map(Object.entries(parsed.slang).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

/** Every topic belongs to exactly one stage, the one of its own area; each area has at most one stage. */
function indexStages(stages: Stage[], topicById: Map<string, Topic>) {
  const problems: KnowledgeProblem[] = [];
  const stageOf = new Map<string, Stage>();
  const choiceOf = new Map<string, Extract<StageStep, { anyOf: string[] }>>();
  const areas = new Set<string>();
  for (const stage of stages) {
    const entry = stage.area;
    if (areas.has(stage.area)) problems.push({ file: FILES.path, entry, field: 'area', reason: 'has more than one stage' });
    areas.add(stage.area);
    const place = (id: string, field: string) => {
      const topic = topicById.get(id);
      if (!topic) return problems.push({ file: FILES.path, entry, field, reason: `names unknown topic id "${id}"` });
      if (stageOf.has(id)) return problems.push({ file: FILES.path, entry, field, reason: `topic "${id}" is already in a stage` });
      if (topic.area !== stage.area) return problems.push({ file: FILES.path, entry, field, reason: `topic "${id}" belongs to area "${topic.area}"` });
      stageOf.set(id, stage);
    };
    stage.steps.forEach((step, i) => {
      if ('all' in step) step.all.forEach((id, j) => place(id, `steps.${i}.all.${j}`));
      else
        step.anyOf.forEach((id, j) => {
          place(id, `steps.${i}.anyOf.${j}`);
          choiceOf.set(id, step);
        });
    });
    stage.deeper.forEach((id, j) => place(id, `deeper.${j}`));
  }
  for (const id of topicById.keys()) {
    if (!stageOf.has(id)) problems.push({ file: FILES.path, entry: id, reason: 'topic is in no stage: add it to a step or to "deeper"' });
  }
  return { stageOf, choiceOf, problems };
}

function findCycles(topics: Topic[]): KnowledgeProblem[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: KnowledgeProblem[] = [];
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      problems.push({ file: FILES.topics, entry: id, field: 'prerequisites', reason: `forms a prerequisite cycle: ${cycle.join(' -> ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const next of byId.get(id)?.prerequisites ?? []) if (byId.has(next)) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const t of topics) visit(t.id, []);
  return problems;
}

function findRepeatedAliases(file: string, items: { id: string; name: string; aliases: string[] }[]): KnowledgeProblem[] {
  const owner = new Map<string, string>();
  const problems: KnowledgeProblem[] = [];
  for (const item of items) {
    item.aliases.forEach((alias, i) => {
      const key = alias.trim().toLowerCase();
      const first = owner.get(key);
      if (first !== undefined && first !== item.id) {
        problems.push({ file, entry: item.id, field: `aliases.${i}`, reason: `alias "${alias}" is already used by "${first}"` });
      } else if (first === item.id) {
        problems.push({ file, entry: item.id, field: `aliases.${i}`, reason: `alias "${alias}" is listed twice` });
      }
      owner.set(key, first ?? item.id);
    });
  }
  return problems;
}

/**
 * The shape of the curated knowledge base. Every entry is data in `data/*.yaml`, checked here at load
 * so a typo in a file is a precise error at start-up, never a wrong answer later.
 */
import { z } from 'zod';

/** The sections of "Rise of the ML Engineer" that an entry may rest on. */
export const ARTICLE_SECTIONS = [
  'Introduction',
  'What Exactly is an ML Engineer?',
  'ML Engineer vs Data Scientist',
  'Trend 1 — ML & DL Frameworks',
  'Trend 2 — Pre-Trained Models',
  'Trend 3 — Automated Machine Learning (AutoML)',
  'Trend 4 — MLOps and Data Engineer Trend',
  'Trend 5 — Jobs Market Trends',
  'Trends aside — Becoming an ML Engineer',
  'ODSC',
] as const;
export const ARTICLE_TITLE = 'Rise of the ML Engineer';

/** The skill areas, in the order the article's path walks them. */
export const AREAS = [
  'code',
  'frameworks',
  'pretrained-models',
  'automl',
  'mlops-data-engineering',
  'cloud',
  'job-market',
] as const;
export type Area = (typeof AREAS)[number];

export const AREA_NAMES: Record<Area, string> = {
  code: 'Code first',
  frameworks: 'ML & DL frameworks',
  'pretrained-models': 'Pre-trained models',
  automl: 'AutoML',
  'mlops-data-engineering': 'MLOps & data engineering',
  cloud: 'The cloud',
  'job-market': 'The job market',
};

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens (e.g. "hugging-face")');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const sourceSchema = z.strictObject(
  {
    section: z.enum(ARTICLE_SECTIONS, {
      error: `must be one of the article's sections: ${ARTICLE_SECTIONS.join(' | ')}`,
    }),
    /** At most a short phrase in the article's words; everything else is paraphrased. */
    quote: text(120).optional(),
  },
  { error: 'is missing: every entry must cite the article section it rests on' },
);

export const resourceSchema = z.strictObject({
  title: text(120),
  url: z
    .url({ protocol: /^https$/, error: 'must be an https URL' })
    .refine((u) => !/\s/.test(u), 'must not contain spaces'),
  type: z.enum(['official-docs', 'official-site', 'course', 'book', 'tutorial', 'paper', 'community', 'event']),
});

export const topicSchema = z.strictObject({
  id,
  name: text(80),
  area: z.enum(AREAS),
  summary: text(600),
  whyItMatters: text(600),
  prerequisites: z.array(id).default([]),
  /** Knowing this topic implies knowing these too (PyTorch is used from Python), unless a stated choice says otherwise. */
  implies: z.array(id).default([]),
  aliases: z.array(text(60)).default([]),
  /** Aliases that also name everyday things ("java" coffee, "bert" of Sesame Street): they count only in a tech context. */
  needsContext: z.array(text(60)).default([]),
  /** Words that, in "I know/use X", mean this topic without naming it ("pandas" means Python). Never used to answer questions. */
  relatedTerms: z.array(text(60)).default([]),
  /** Learned outside ML too (Airflow, Spark, the cloud): knowing it does not put the path's earlier ML steps behind someone. */
  standalone: z.boolean().default(false),
  /** Claims every answer about this topic must carry, in words that appear in it (checked by kb:check). */
  keyPoints: z.array(text(120)).default([]),
  firstStep: text(400),
  resources: z.array(resourceSchema).min(1, 'needs at least one curated resource'),
  reviewed: z.iso.date({ error: 'must be a date like 2026-11-27' }),
  source: sourceSchema,
});

export const roleSchema = z.strictObject({
  id,
  name: text(80),
  aliases: z.array(text(60)).default([]),
  summary: text(800),
  source: sourceSchema,
});

/** A learner's starting point; it changes where the path starts and what it stresses. */
export const backgroundSchema = z.strictObject({
  id,
  name: text(80),
  aliases: z.array(text(60)).default([]),
  /** Topics a person with this background can be taken to know already (they can still undo it). */
  assumedKnown: z.array(id).default([]),
  /** Topics moved forward on the path as soon as their prerequisites are met. */
  focus: z.array(id).default([]),
  advice: text(600),
  source: sourceSchema,
});

export const goalSchema = z.strictObject({
  id,
  name: text(80),
  aliases: z.array(text(60)).default([]),
  focus: z.array(id).default([]),
  source: sourceSchema,
});

export const explanationSchema = z.strictObject({
  id,
  question: text(200),
  /** Phrases that point at this answer when a user asks in their own words. */
  keywords: z.array(text(60)).min(1, 'needs at least one keyword'),
  /** Proper names this is THE answer for ("ODSC"): named in a question, they pick it outright. */
  names: z.array(text(60)).default([]),
  answer: text(1500),
  related: z.array(id).default([]),
  /** What the answer is about beyond its related topics: role ids and themes ("math", "job-market", "odsc"). */
  about: z.array(id).default([]),
  /** The article's key claims for this question, in words the answer must contain (checked by kb:check). */
  keyPoints: z.array(text(120)).default([]),
  source: sourceSchema,
});

export const tipSchema = z.strictObject({
  id,
  text: text(400),
  topic: id.optional(),
  source: sourceSchema,
});

/** One step of a stage: every topic (`all`) or any one of them (`anyOf`, the others are alternatives). */
export const stageStepSchema = z.union([
  z.strictObject({ all: z.array(id).min(1) }),
  z.strictObject({ anyOf: z.array(id).min(2), label: text(80) }),
]);

/** A stage of the article's path: its steps say when it is "enough to move on". */
export const stageSchema = z.strictObject({
  area: z.enum(AREAS),
  steps: z.array(stageStepSchema).min(1),
  /** Topics of the stage that deepen it but are not needed to move on. */
  deeper: z.array(id).default([]),
  source: sourceSchema,
});

/** A job the article names tools for ("building data pipelines": Spark, Airflow, Kubeflow). */
export const taskSchema = z.strictObject({
  id,
  job: text(120),
  aliases: z.array(text(60)).min(1),
  tools: z.array(id).min(1),
  source: sourceSchema,
});

export const topicsFileSchema = z.strictObject({ topics: z.array(z.unknown()) });
export const rolesFileSchema = z.strictObject({
  roles: z.array(z.unknown()),
  backgrounds: z.array(z.unknown()),
  goals: z.array(z.unknown()),
});
export const explanationsFileSchema = z.strictObject({ explanations: z.array(z.unknown()) });
export const tipsFileSchema = z.strictObject({ tips: z.array(z.unknown()) });
/** Chat spellings ("mle", "nxt", "w/") and what they stand for. */
export const wordsFileSchema = z.strictObject({ slang: z.record(z.string().min(1).max(20), z.string().max(40)) });
export const pathFileSchema = z.strictObject({ stages: z.array(z.unknown()), tasks: z.array(z.unknown()) });

export type Source = z.infer<typeof sourceSchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Background = z.infer<typeof backgroundSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type Tip = z.infer<typeof tipSchema>;
export type StageStep = z.infer<typeof stageStepSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Task = z.infer<typeof taskSchema>;

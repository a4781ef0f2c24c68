/**
 * The real core on an in-memory store behind the real rephrasing decorator, whose backend is the real
 * `openai` client pointed at a fake server. Log lines are kept so tests can assert reasons and secrecy.
 */
import { createMentor, type Mentor } from '../../src/core/mentor';
import { ForgetHooks } from '../../src/core/forgetHooks';
import type { Logger } from '../../src/core/logger';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/load';
import { LlmClient } from '../../src/llm/client';
import { Rephraser, type RephraserOptions } from '../../src/llm/rephraser';
import { RephrasingMentor } from '../../src/llm/rephrasingMentor';
import { SURFACES, type Surface } from '../../src/llm/surfaces';
import { vocabularyOf } from '../../src/llm/vocabulary';
import { createState } from '../../src/storage/createState';

export interface LogEntry {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export function recordingLogger(lines: LogEntry[]): Logger {
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}) => void lines.push({ level, message, fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface LlmMentorOptions extends Partial<Omit<RephraserOptions, 'backend' | 'vocabulary' | 'logger'>> {
  timeoutMs?: number;
  maxRetries?: number;
  surfaces?: Surface[];
  kb?: KnowledgeBase;
}

export interface LlmMentor {
  mentor: RephrasingMentor;
  core: Mentor;
  rephraser: Rephraser;
  logs: LogEntry[];
}

let sharedKb: KnowledgeBase | undefined;

export function llmMentor(baseURL: string, options: LlmMentorOptions = {}): LlmMentor {
  const kb = options.kb ?? (sharedKb ??= loadKnowledgeBase());
  const logs: LogEntry[] = [];
  const logger = recordingLogger(logs);
  const forgetHooks = new ForgetHooks();
  const core = createMentor({ store: createState('memory'), knowledge: kb, onForget: (userId) => forgetHooks.run(userId) });
  const backend = new LlmClient({ baseURL, apiKey: 'sk-test-secret-key-0123456789', model: 'fake-model', timeoutMs: options.timeoutMs ?? 2000, maxRetries: options.maxRetries ?? 1 });
  const rephraser = new Rephraser({
    backend,
    vocabulary: vocabularyOf(kb),
    logger,
    cacheSize: options.cacheSize ?? 100,
    perUserPerMinute: options.perUserPerMinute ?? 1000,
    maxConcurrent: options.maxConcurrent ?? 100,
    now: options.now,
  });
  forgetHooks.add(async (userId) => rephraser.forget(userId));
  return { mentor: new RephrasingMentor(core, rephraser, new Set(options.surfaces ?? SURFACES)), core, rephraser, logs };
}

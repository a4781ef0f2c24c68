/** Builds the rephrasing mentor from configuration; undefined when LLM_BASE_URL is not set (the default). */
import type { Config } from '../config';
import type { ForgetHooks } from '../core/forgetHooks';
import type { Logger } from '../core/logger';
import type { KnowledgeBase } from '../knowledge/load';
import type { MentorService } from '../core/request';
import { LlmClient } from './client';
import { Rephraser } from './rephraser';
import { RephrasingMentor } from './rephrasingMentor';
import { vocabularyOf } from './vocabulary';

export function createRephrasingMentor(config: Config, core: MentorService, kb: KnowledgeBase, logger: Logger, forgetHooks: ForgetHooks): RephrasingMentor | undefined {
  if (!config.LLM_BASE_URL) return undefined;
  const backend = new LlmClient({ baseURL: config.LLM_BASE_URL, apiKey: config.OPENAI_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS, maxRetries: config.LLM_MAX_RETRIES });
  const rephraser = new Rephraser({
    backend,
    vocabulary: vocabularyOf(kb),
    logger,
    cacheSize: config.LLM_CACHE_SIZE,
    perUserPerMinute: config.LLM_USER_PER_MINUTE,
    maxConcurrent: config.LLM_MAX_CONCURRENT,
  });
  forgetHooks.add(async (userId) => rephraser.forget(userId));
  logger.info('llm rephrasing on', { model: config.LLM_MODEL, surfaces: config.LLM_SURFACES });
  return new RephrasingMentor(core, rephraser, new Set(config.LLM_SURFACES));
}

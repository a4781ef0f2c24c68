/**
 * Rewords the prose of one Reply, or returns it untouched. The order of checks keeps the budget: cache
 * first (free), then the person's and the global limits, then one bounded call, then the fact guard. Every
 * path that does not send a rewording counts and logs why; the text itself is never logged.
 */
import type { Logger } from '../core/logger';
import type { Reply } from '../core/reply';
import { LlmBudget } from './budget';
import { RephraseCache } from './cache';
import { LlmCallError } from './client';
import { borrowsFromMessage, checkRephrasing } from './factGuard';
import { Outcomes } from './outcomes';
import { citations, proseRun, withProse } from './prose';
import type { Surface } from './surfaces';
import type { Vocabulary } from './vocabulary';

/** Anything that turns (answer, message) into a rewording: the openai client, or a test double. */
export interface RephraseBackend {
  rephrase(answer: string, message: string): Promise<string>;
}

export interface RephraserOptions {
  backend: RephraseBackend;
  vocabulary: Vocabulary;
  logger: Logger;
  cacheSize: number;
  perUserPerMinute: number;
  maxConcurrent: number;
  now?: () => number;
}

/** Answers this short are already as short as a rewording would be. */
const MIN_PROSE_LENGTH = 24;

export interface RephraseContext {
  userId: string;
  surface: Surface;
  message: string;
}

export class Rephraser {
  readonly outcomes = new Outcomes();
  private readonly cache: RephraseCache;
  private readonly budget: LlmBudget;

  constructor(private readonly options: RephraserOptions) {
    this.cache = new RephraseCache(options.cacheSize);
    this.budget = new LlmBudget(options.perUserPerMinute, options.maxConcurrent, options.now);
  }

  async rephrase(answer: Reply, context: RephraseContext): Promise<Reply> {
    const run = proseRun(answer);
    if (answer.error || !run || run.text.length < MIN_PROSE_LENGTH) return answer;
    const key = RephraseCache.key(run.text, styleOf(context));
    // A message in another language is answered in it; its rewording must not reach an English speaker.
    const cacheable = isEnglishish(context.message);
    const cached = cacheable ? this.cache.get(key, context.userId) : undefined;
    if (cached !== undefined) {
      this.outcomes.count('cache-hit');
      return withProse(answer, run, cached);
    }
    const slot = this.budget.acquire(context.userId);
    if (slot !== 'ok') return this.keep(answer, context, slot);
    let text: string;
    try {
      text = await this.options.backend.rephrase(run.text, context.message);
    } catch (error) {
      return this.keep(answer, context, error instanceof LlmCallError ? error.reason : 'error');
    } finally {
      this.budget.release();
    }
    const nextStep = answer.about?.next ? this.options.vocabulary.topicName.get(answer.about.next) : undefined;
    const verdict = checkRephrasing(this.options.vocabulary, { original: run.text, rephrased: text, message: context.message, citations: citations(answer), nextStep });
    if (!verdict.ok) return this.keep(answer, context, verdict.reason, verdict.detail);
    const cleaned = text.trim();
    if (cacheable && !borrowsFromMessage(run.text, cleaned, context.message)) this.cache.set(key, context.userId, cleaned);
    this.outcomes.count('sent');
    return withProse(answer, run, cleaned);
  }

  /** Removes what the rephraser holds about a person: cached rewordings of their answers, their rate window. */
  forget(userId: string): void {
    this.cache.forget(userId);
    this.budget.forget(userId);
  }

  private keep(answer: Reply, context: RephraseContext, reason: string, detail?: string): Reply {
    this.outcomes.count(reason);
    this.options.logger.info('llm rephrasing not used; original sent', { reason, detail, surface: context.surface, user: context.userId });
    return answer;
  }
}

/** The style a rewording was made for: the surface, and whether it addressed an English message. */
function styleOf(context: RephraseContext): string {
  return `${context.surface}:${isEnglishish(context.message) ? 'en' : 'other'}`;
}

const ENGLISH = /\b(i|i'm|im|my|me|you|what|how|which|should|is|are|the|a|to|do|and|learn|next|want|can)\b/i;
/** Empty (a button), a command, or a message with common English words. */
function isEnglishish(message: string): boolean {
  return message.trim() === '' || message.startsWith('/') || ENGLISH.test(message);
}

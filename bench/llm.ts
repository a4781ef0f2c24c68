/**
 * LLM rephrasing benchmark: the latency the rephrase path adds to an answer, against the fake
 * OpenAI-compatible server on loopback (so it measures our path and the `openai` client, not a model),
 * for a cache miss and a cache hit; and the fact guard's own cost per answer. Answers are the core's real
 * answers to the eval's messages.
 */
import { createMentor } from '../src/core/mentor';
import type { Reply } from '../src/core/reply';
import { silentLogger } from '../src/core/logger';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { LlmClient } from '../src/llm/client';
import { checkRephrasing } from '../src/llm/factGuard';
import { proseRun } from '../src/llm/prose';
import { Rephraser } from '../src/llm/rephraser';
import { vocabularyOf } from '../src/llm/vocabulary';
import { createState } from '../src/storage/createState';
import { loadCases } from '../test/eval/evaluate';
import { faithful, startOpenAIFake } from '../test/helpers/openaiFake';
import { BENCH_QUEUE_LIMITS, percentile, printTable } from './stats';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const vocabulary = vocabularyOf(kb);
  const core = createMentor({ store: createState('memory'), knowledge: kb, queueLimits: BENCH_QUEUE_LIMITS });
  const samples: { answer: Reply; message: string }[] = [];
  for (const c of loadCases()) {
    const message = c.turns[0]!;
    samples.push({ answer: await core.handle({ kind: 'message', userId: `bench-${c.id}`, text: message }), message });
  }

  const fake = await startOpenAIFake(faithful);
  const backend = new LlmClient({ baseURL: fake.baseURL, apiKey: 'bench', model: 'fake', timeoutMs: 4000, maxRetries: 0 });
  const rephraser = (cacheSize: number) => new Rephraser({ backend, vocabulary, logger: silentLogger, cacheSize, perUserPerMinute: 1e9, maxConcurrent: 1e9 });
  const time = async (r: Rephraser, rounds: number) => {
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [i, s] of samples.entries()) {
        const t0 = process.hrtime.bigint();
        await r.rephrase(s.answer, { userId: `u${i}`, surface: 'dm', message: s.message });
        latencies.push(ms(t0));
      }
    }
    return latencies;
  };
  const misses = rephraser(0);
  await time(misses, 1); // warm-up: connections, JIT
  const miss = await time(misses, 2);
  const cached = rephraser(10_000);
  await time(cached, 1); // fills the cache
  const hit = await time(cached, 3);
  await fake.close();

  // The guard alone, on the same answers and their faithful rewordings.
  const pairs = samples.flatMap((s) => {
    const run = proseRun(s.answer);
    return run ? [{ original: run.text, rephrased: `Happy to help! ${run.text}`, message: s.message }] : [];
  });
  const guardRounds = 20;
  let accepted = 0;
  const t0 = process.hrtime.bigint();
  for (let round = 0; round < guardRounds; round++) for (const p of pairs) if (checkRephrasing(vocabulary, p).ok) accepted++;
  const guardUs = (ms(t0) * 1000) / (guardRounds * pairs.length);

  printTable('LLM rephrase path (fake OpenAI-compatible server on 127.0.0.1, real openai client)', [
    ['answers', String(samples.length), 'the core answers to the eval messages'],
    ['added latency, cache miss p50', `${percentile(miss, 50).toFixed(2)} ms`, 'call + guard; a real model adds its own time'],
    ['added latency, cache miss p99', `${percentile(miss, 99).toFixed(2)} ms`, ''],
    ['added latency, cache hit p50', `${percentile(hit, 50).toFixed(3)} ms`, 'no call'],
    ['added latency, cache hit p99', `${percentile(hit, 99).toFixed(3)} ms`, ''],
    ['fact guard per answer', `${guardUs.toFixed(1)} µs`, `${((100 * accepted) / (guardRounds * pairs.length)).toFixed(1)}% of faithful rewordings accepted`],
  ]);
  console.log(`  outcomes (miss run): ${JSON.stringify(misses.outcomes.snapshot())}`);
}

void main();

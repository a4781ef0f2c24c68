/**
 * Core benchmark (no LLM, memory store): knowledge-base load+validate time, then a mixed set of messages,
 * commands and button presses through `mentor.handle`, reporting answers/s, p50/p99 latency and peak RSS.
 * Targets on the 2-core dev machine: p99 under 2 ms per answer, load under 200 ms.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createState } from '../src/storage/createState';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { createMentor } from '../src/core/mentor';
import type { MentorRequest } from '../src/core/request';
import { BENCH_QUEUE_LIMITS, percentile, peakRss, printTable } from './stats';

const MESSAGES = [
  'what should I learn next?', 'what is automl?', 'pytroch', 'tell me about hugging face', 'ML engineer vs data scientist',
  'who is hiring ML engineers?', 'which tools for object detection?', "I'm a data scientist", 'I already know Python and TensorFlow',
  "I'm learning spark", 'show my progress', 'roadmap', "what's the weather in Paris?", 'hello', 'help', 'what is kubeflow',
  'why do ML engineers work in the cloud?', 'do I need a lot of math?', 'what is BERT', 'spacy', 'what do job postings prioritise?',
];
const COMMANDS: [string, string][] = [['next', ''], ['path', ''], ['progress', ''], ['done', 'pytorch'], ['learning', 'keras'], ['skip', 'r-and-julia'], ['undo', 'r-and-julia'], ['tip', ''], ['help', ''], ['ask', 'what is mlops?']];

/** What a started app pays: a fresh `node` loading the compiled knowledge base (npm run bench builds first). */
function compiledColdMs(): number {
  const script = "const t=process.hrtime.bigint();require('./dist/knowledge/load').loadKnowledgeBase();process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))";
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..') }).toString()));
  return percentile(runs, 50);
}

function mixedRequests(count: number): MentorRequest[] {
  const requests: MentorRequest[] = [];
  for (let i = 0; i < count; i++) {
    const userId = `bench-${i % 50}`;
    if (i % 3 === 0) {
      const [command, text] = COMMANDS[i % COMMANDS.length]!;
      requests.push({ kind: 'command', userId, command, text });
    } else if (i % 7 === 0) {
      requests.push({ kind: 'action', userId, actionId: 'next', value: '' });
    } else {
      requests.push({ kind: 'message', userId, text: MESSAGES[i % MESSAGES.length]! });
    }
  }
  return requests;
}

async function main(): Promise<void> {
  const loads: number[] = [];
  const coldStart = process.hrtime.bigint();
  let kb = loadKnowledgeBase();
  const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
  for (let i = 0; i < 10; i++) {
    const t0 = process.hrtime.bigint();
    kb = loadKnowledgeBase();
    loads.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const firstLoadStart = process.hrtime.bigint();
  const mentor = createMentor({ store: createState('memory'), knowledge: kb, queueLimits: BENCH_QUEUE_LIMITS });
  const indexMs = Number(process.hrtime.bigint() - firstLoadStart) / 1e6;

  for (const r of mixedRequests(300)) await mentor.handle(r); // warm-up
  const requests = mixedRequests(5000);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (const request of requests) {
    const t0 = process.hrtime.bigint();
    await mentor.handle(request);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;

  printTable('core (no LLM, memory store)', [
    ['knowledge base load+validate, compiled app, new process', `${compiledColdMs().toFixed(1)} ms`, 'target < 200 ms'],
    ['knowledge base load+validate from YAML sources, first', `${coldMs.toFixed(1)} ms`, 'tests and kb:check read the YAML'],
    ['knowledge base load+validate, median of 10 more', `${percentile(loads, 50).toFixed(1)} ms`, ''],
    ['mentor index build (aliases, retrieval)', `${indexMs.toFixed(1)} ms`, ''],
    ['messages answered', String(requests.length), `${MESSAGES.length} phrasings, ${COMMANDS.length} commands, buttons`],
    ['answers per second', (requests.length / totalS).toFixed(0), ''],
    ['latency p50', `${percentile(latencies, 50).toFixed(3)} ms`, ''],
    ['latency p99', `${percentile(latencies, 99).toFixed(3)} ms`, 'target < 2 ms'],
    ['peak RSS', `${peakRss()} MiB`, ''],
  ]);
}

void main();

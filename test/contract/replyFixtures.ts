/**
 * Every Reply shape the real core produces, collected by driving a real mentor (memory store) through
 * each command, free-text intent, button and the home surface. Renderer contract tests run over these.
 */
import { createState } from '../../src/storage/createState';
import { createMentor } from '../../src/core/mentor';
import type { Reply } from '../../src/core/reply';
import type { MentorRequest } from '../../src/core/request';

export interface ReplyFixture {
  name: string;
  reply: Reply;
}

/** A request without its user (distributes over the union, unlike Omit). */
type Unaddressed<T> = T extends unknown ? Omit<T, 'userId'> : never;

export async function coreReplyFixtures(): Promise<ReplyFixture[]> {
  const mentor = createMentor({ store: createState('memory'), now: () => new Date('2026-11-27T10:00:00Z') });
  const userId = 'fixture-user';
  const steps: [string, Unaddressed<MentorRequest>][] = [
    ['first message (answer + welcome)', { kind: 'message', text: 'what is automl?' }],
    ['next', { kind: 'command', command: 'next', text: '' }],
    ['next shared', { kind: 'command', command: 'next', text: '', share: true }],
    ['ask: explanation', { kind: 'command', command: 'ask', text: 'who is hiring ML engineers?' }],
    ['ask: topic', { kind: 'command', command: 'ask', text: 'what is pytorch' }],
    ['ask: two topics', { kind: 'command', command: 'ask', text: 'tensorflow vs keras' }],
    ['ask: compare roles', { kind: 'command', command: 'ask', text: 'ml engineer vs data scientist' }],
    ['ask: tools', { kind: 'command', command: 'ask', text: 'which tools for object detection?' }],
    ['ask: out of scope', { kind: 'command', command: 'ask', text: 'what is the weather in Paris?' }],
    ['statement', { kind: 'message', text: 'I already know Python and TensorFlow' }],
    ['path', { kind: 'command', command: 'path', text: '' }],
    ['progress', { kind: 'command', command: 'progress', text: '' }],
    ['done', { kind: 'command', command: 'done', text: 'pytorch' }],
    ['learning', { kind: 'command', command: 'learning', text: 'keras' }],
    ['skip', { kind: 'command', command: 'skip', text: 'r-and-julia' }],
    ['undo', { kind: 'command', command: 'undo', text: 'r-and-julia' }],
    ['unknown topic (error)', { kind: 'command', command: 'done', text: 'basket weaving' }],
    ['tip', { kind: 'command', command: 'tip', text: '' }],
    ['help', { kind: 'command', command: 'help', text: '' }],
    ['profile (setup question 1)', { kind: 'command', command: 'profile', text: '' }],
    ['setup question 2', { kind: 'action', actionId: 'answer', value: 'background:data-scientist' }],
    ['setup known via button', { kind: 'action', actionId: 'answer', value: 'known:pytorch' }],
    ['setup question 3', { kind: 'action', actionId: 'answer', value: 'known:done' }],
    ['setup finished', { kind: 'action', actionId: 'answer', value: 'goal:ml-in-production' }],
    ['home', { kind: 'home' }],
    ['export', { kind: 'command', command: 'export', text: '' }],
    ['greeting', { kind: 'message', text: 'hello' }],
    ['compare', { kind: 'message', text: 'pytorch or tensorflow?' }],
    ['after', { kind: 'message', text: 'what comes after mlops?' }],
    ['how long', { kind: 'message', text: 'how long will it take?' }],
    ['tools for a job', { kind: 'message', text: 'which tools for data pipelines?' }],
    ['forget asks first', { kind: 'command', command: 'forget', text: '' }],
    ['forget confirmed', { kind: 'action', actionId: 'forget', value: 'confirm' }],
  ];
  const fixtures: ReplyFixture[] = [];
  for (const [name, request] of steps) {
    fixtures.push({ name, reply: await mentor.handle({ ...request, userId } as MentorRequest) });
  }
  return fixtures;
}

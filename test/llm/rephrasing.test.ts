/**
 * The rephrasing path end to end: the real core, the real `openai` client, a fake OpenAI-compatible server.
 * Each rejected rewording must leave the person with exactly the core's answer, and each failure must end
 * within the time budget.
 */
import type { Reply } from '../../src/core/reply';
import type { MentorRequest } from '../../src/core/request';
import { llmMentor } from '../helpers/llmMentor';
import { faithful, startOpenAIFake, type FakeRequest, type FakeResponse, type OpenAIFake } from '../helpers/openaiFake';

const ASK: MentorRequest = { kind: 'message', userId: 'ada', text: 'what is pytorch?' };

let fake: OpenAIFake;
let script: (request: FakeRequest) => FakeResponse;
beforeAll(async () => {
  fake = await startOpenAIFake((request) => script(request));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  script = faithful;
});

/** The core's own answer to the same request, from a mentor with the LLM switched off for it. */
async function coreAnswer(request: MentorRequest): Promise<Reply> {
  return llmMentor(fake.baseURL, { surfaces: [] }).mentor.handle(request);
}

const nonProse = (r: Reply) => r.blocks.filter((b) => !['heading', 'text', 'bullets'].includes(b.type));

describe('LLM rephrasing', () => {
  it('sends a faithful rewording and keeps buttons, links, fields, citation and about as the core made them', async () => {
    const original = await coreAnswer(ASK);
    script = (r) => ({ content: `Good question! ${r.answer.replace('is an open-source', 'is a free, open-source')}` });
    const { mentor, rephraser } = llmMentor(fake.baseURL);
    const answer = await mentor.handle(ASK);
    expect(answer.text).toContain('Good question! PyTorch');
    expect(answer.text).toContain('a free, open-source deep learning framework');
    expect(nonProse(answer)).toEqual(nonProse(original));
    expect(answer.about).toEqual(original.about);
    expect(answer.visibility).toBe(original.visibility);
    expect(rephraser.outcomes.snapshot()).toEqual({ sent: 1 });
    // The prompt carried the answer and the message as data, and instructions to keep the facts.
    expect(fake.requests[0]).toMatchObject({ model: 'fake-model', message: 'what is pytorch?' });
    expect(fake.requests[0]!.answer).toContain('PyTorch is an open-source deep learning framework');
    expect(fake.requests[0]!.system).toMatch(/data, never instructions/);
  });

  const bad: [string, (r: FakeRequest) => string, string][] = [
    ['drops a tool name', (r) => r.answer.replace(/PyTorch/g, 'It'), 'dropped-name'],
    ['changes a number', () => 'You know Python, so you are ready for frameworks: TensorFlow, PyTorch, Keras and Spark, in about 3 months.', 'added-number'],
    ['adds a URL', (r) => `${r.answer} More at https://example.com/pytorch-course`, 'added-url'],
    ['adds @everyone', (r) => `@everyone ${r.answer}`, 'added-mention'],
    ['adds <!channel>', (r) => `<!channel> ${r.answer}`, 'added-mention'],
    ['names a tool the answer did not', (r) => `${r.answer} Kubeflow helps too.`, 'added-name'],
    ['adds code', (r) => `${r.answer} Run \`pip list\` first.`, 'added-code'],
    ['answers something else', () => 'Paris is sunny today with light winds in the afternoon and evening.', 'dropped-name'],
    ['is empty', () => '   ', 'empty'],
    ['is much longer', (r) => `${r.answer} ${r.answer} ${r.answer}`, 'too-long'],
  ];
  it.each(bad)('sends the original when the rewording %s', async (_, rewrite, reason) => {
    const original = await coreAnswer(ASK);
    script = (r) => ({ content: rewrite(r) });
    const { mentor, rephraser, logs } = llmMentor(fake.baseURL);
    expect(await mentor.handle(ASK)).toEqual(original);
    expect(rephraser.outcomes.snapshot()).toEqual({ [reason]: 1 });
    expect(logs.find((l) => l.message.startsWith('llm rephrasing not used'))?.fields).toMatchObject({ reason, surface: 'dm', user: 'ada' });
  });

  it('rejects a changed number in a next-step answer', async () => {
    const request: MentorRequest = { kind: 'command', userId: 'bo', command: 'tip', text: '' };
    const original = await coreAnswer(request);
    script = (r) => ({ content: /\d/.test(r.answer) ? r.answer.replace(/\d+/, (n) => String(Number(n) + 1)) : `${r.answer} Do it 3 times.` });
    const { mentor, rephraser } = llmMentor(fake.baseURL);
    expect(await mentor.handle(request)).toEqual(original);
    expect(Object.keys(rephraser.outcomes.snapshot())[0]).toMatch(/number/);
  });

  const failures: [string, FakeResponse, string][] = [
    ['500s', { status: 500 }, 'http-500'],
    ['429s', { status: 429 }, 'http-429'],
    ['malformed JSON', { raw: '{"choices": [ {"message": ' }, 'malformed'],
    ['a body without choices', { raw: '{"id":"x"}' }, 'malformed'],
    ['a stall past the budget', { stall: true }, 'timeout'],
  ];
  it.each(failures)('sends the original within the budget after %s', async (_, response, reason) => {
    const original = await coreAnswer(ASK);
    script = () => response;
    const budget = 400;
    const { mentor, rephraser } = llmMentor(fake.baseURL, { timeoutMs: budget, maxRetries: 1 });
    const started = Date.now();
    expect(await mentor.handle(ASK)).toEqual(original);
    // The budget plus the core's own answer time, with room for a loaded test machine.
    expect(Date.now() - started).toBeLessThan(budget + 600);
    expect(rephraser.outcomes.snapshot()).toEqual({ [reason]: 1 });
  });

  it('retries a 500 once within the budget and sends the rewording that follows', async () => {
    let calls = 0;
    script = (r) => (++calls === 1 ? { status: 500 } : faithful(r));
    const { mentor, rephraser } = llmMentor(fake.baseURL, { maxRetries: 1 });
    expect((await mentor.handle(ASK)).text).toContain('Happy to help!');
    expect(calls).toBe(2);
    expect(rephraser.outcomes.snapshot()).toEqual({ sent: 1 });
  });

  it('caches by answer and style: the second identical answer costs no call, and forget removes it', async () => {
    const { mentor, rephraser } = llmMentor(fake.baseURL);
    const first = await mentor.handle({ ...ASK, userId: 'u1' });
    const second = await mentor.handle({ ...ASK, userId: 'u1' });
    expect(fake.requests).toHaveLength(1);
    expect(second.blocks[0]).toEqual(first.blocks[0]);
    expect(rephraser.outcomes.snapshot()).toEqual({ sent: 1, 'cache-hit': 1 });
    await mentor.handle({ kind: 'command', userId: 'u1', command: 'forget', text: 'confirm' });
    await mentor.handle({ ...ASK, userId: 'u1' });
    expect(fake.requests.filter((r) => r.message === ASK.text)).toHaveLength(2);
  });

  it('does not cache a rewording that borrows the person\'s words, so it never reaches someone else', async () => {
    script = (r) => ({ content: r.message.includes('Zoltan') ? `Hi Zoltan! ${r.answer}` : `Happy to help! ${r.answer}` });
    const { mentor } = llmMentor(fake.baseURL);
    expect((await mentor.handle({ kind: 'message', userId: 'z', text: "hi, I'm Zoltan. what is pytorch?" })).text).toContain('Hi Zoltan!');
    const other = await mentor.handle({ kind: 'message', userId: 'w', text: 'what is pytorch?' });
    expect(other.text).not.toContain('Zoltan');
    expect(other.text).toContain('Happy to help!');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache a rewording made for a message in another language', async () => {
    const { mentor } = llmMentor(fake.baseURL);
    const french: MentorRequest = { kind: 'message', userId: 'fr', text: "c'est quoi pytorch ?" };
    await mentor.handle(french);
    await mentor.handle(french);
    expect(fake.requests.filter((r) => r.message === french.text)).toHaveLength(2);
  });

  it('rephrases only the surfaces switched on', async () => {
    const { mentor } = llmMentor(fake.baseURL, { surfaces: ['tips'] });
    expect((await mentor.handle(ASK)).text).not.toContain('Happy to help!');
    expect((await mentor.handle({ kind: 'command', userId: 'c', command: 'tip', text: '' })).text).toContain('Happy to help!');
    expect((await mentor.handle({ kind: 'home', userId: 'c' })).text).not.toContain('Happy to help!');
    expect(fake.requests).toHaveLength(1);
  });

  it('holds one person to their per-minute limit and sends their originals meanwhile', async () => {
    let now = 0;
    const { mentor, rephraser } = llmMentor(fake.baseURL, { perUserPerMinute: 2, cacheSize: 0, now: () => now });
    const texts = ['what is pytorch?', 'what is keras?', 'what is kubeflow?'];
    const answers = [];
    for (const text of texts) answers.push(await mentor.handle({ kind: 'message', userId: 'busy', text }));
    expect(answers.map((a) => a.text.startsWith('Happy to help!'))).toEqual([true, true, false]);
    expect(rephraser.outcomes.snapshot()).toEqual({ sent: 2, 'rate-limited': 1 });
    now = 61_000;
    expect((await mentor.handle({ kind: 'message', userId: 'busy', text: 'what is spacy?' })).text).toMatch(/^Happy to help!/);
  });

  it('caps calls in flight globally: over the cap the original goes out at once', async () => {
    script = () => ({ stall: true });
    const { mentor, rephraser } = llmMentor(fake.baseURL, { maxConcurrent: 1, timeoutMs: 1000 });
    const first = mentor.handle({ kind: 'message', userId: 'p1', text: 'what is pytorch?' });
    // The second asks only once the first call has reached the server and holds the one slot.
    await fake.received(1);
    const second = await mentor.handle({ kind: 'message', userId: 'p2', text: 'what is keras?' });
    expect(second.text).not.toContain('Happy to help!');
    expect(rephraser.outcomes.snapshot()).toMatchObject({ busy: 1 });
    await first;
  });

  it('never logs the API key', async () => {
    script = () => ({ status: 401 });
    const { mentor, logs } = llmMentor(fake.baseURL, { maxRetries: 0 });
    await mentor.handle(ASK);
    expect(JSON.stringify(logs)).not.toContain('sk-test-secret-key');
    expect(logs.some((l) => l.fields.reason === 'http-401')).toBe(true);
  });
});

/** Details people tripped over in a trial: each one a behaviour that could regress. */
import { createMentor, type Mentor } from '../../src/core/mentor';
import type { MentorRequest } from '../../src/core/request';
import { createState } from '../../src/storage/createState';

let mentor: Mentor;
beforeEach(() => {
  mentor = createMentor({ store: createState('memory') });
});

/** A request without its user: each kind keeps its own fields. */
type Request = MentorRequest extends infer R ? (R extends MentorRequest ? Omit<R, 'userId'> : never) : never;
const send = (request: Request, userId = 'p') => mentor.handle({ ...request, userId } as MentorRequest);
const say = (text: string, userId = 'p') => send({ kind: 'message', text }, userId);
const buttons = (r: { blocks: { type: string; buttons?: { actionId: string; label: string }[] }[] }) => r.blocks.flatMap((b) => b.buttons ?? []);

describe('conversation details', () => {
  it('skip, done and learning take several topics at once', async () => {
    const reply = await say('skip r and julia, and the java stuff');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain('Skipped R and Julia and Java, .NET, JavaScript and other languages');
    const exported = JSON.parse(((await send({ kind: 'command', command: 'export', text: '' })).blocks[1] as { text: string }).text);
    expect(exported.profile.topics['r-and-julia'].status).toBe('skipped');
    expect(exported.profile.topics['java-dotnet-javascript'].status).toBe('skipped');
    expect((await send({ kind: 'command', command: 'done', text: 'pytorch and keras' })).text).toContain('PyTorch and Keras are marked done');
  });

  it('a sentence that starts with a command word is read as a sentence', async () => {
    const reply = await say('done with pytorch, what now?');
    expect(reply.error).toBeUndefined();
    expect(reply.about?.next).toBe('pretrained-models');
  });

  it('the setup takes "nothing really" as knowing nothing yet', async () => {
    await send({ kind: 'command', command: 'profile', text: '' });
    await say('software engineer');
    const reply = await say('nothing really');
    expect(reply.text).toContain('Setup 3 of 3');
  });

  it('help lists its examples without a stray dot and offers the setup once, even on first contact', async () => {
    const reply = await say('help', 'newcomer');
    expect(reply.text).not.toMatch(/\?"\./);
    expect(buttons(reply).filter((b) => b.actionId === 'profile')).toHaveLength(1);
  });

  it('a typed number presses that option of the last answer, and says so when it is not shown', async () => {
    const next = await say('what should i learn next?');
    const options = buttons(next);
    const tipAt = options.findIndex((b) => b.actionId === 'tip') + 1;
    expect((await say(String(tipAt))).text).toContain('Tip');
    expect((await say('42')).text).toContain('Option 42 is no longer shown');
  });

  it('forget asks first and changes nothing until confirmed', async () => {
    await say('I know python');
    const asked = await say('forget');
    expect(asked.text).toContain('cannot be undone');
    expect(buttons(asked).map((b) => b.label)).toEqual(['Yes, delete everything', 'Keep my data']);
    const profile = JSON.parse(((await send({ kind: 'command', command: 'export', text: '' })).blocks[1] as { text: string }).text).profile;
    expect(profile.topics.python.status).toBe('done');
    expect((await send({ kind: 'command', command: 'forget', text: 'maybe' })).error).toBe(true);
    expect((await send({ kind: 'action', actionId: 'forget', value: 'confirm' })).text).toContain('deleted everything');
  });

  it('never repeats a sentence within one next-step answer', async () => {
    const reply = await say("I'm a python developer, what next?");
    const sentences = reply.text.split(/(?<=[.!?])\s+/).map((s) => s.trim().toLowerCase()).filter((s) => s.length > 40);
    expect(sentences.length).toBe(new Set(sentences).size);
  });
});

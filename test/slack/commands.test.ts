/**
 * `/mentor` end to end: real Bolt in HTTP mode, the real mentor core, a fake Slack Web API. Every public
 * command is answered inside the ack, with the right visibility and the core's content.
 */
import { PUBLIC_COMMANDS } from '../../src/core/commands/definitions';
import { createMentor } from '../../src/core/mentor';
import type { MentorRequest } from '../../src/core/request';
import { createState } from '../../src/storage/createState';
import { replyToSlackMessages, type SlackMessage } from '../../src/bots/slack/render';
import { limitViolations, visibleText } from '../helpers/slackBlocks';
import { SlackHarness } from '../helpers/slackHarness';

const ARGUMENT: Record<string, string> = { topic: 'pytorch', question: 'what is AutoML?' };
const commandLine = (id: string) => [id, ...PUBLIC_COMMANDS.find((c) => c.id === id)!.options.map((o) => ARGUMENT[o.name] ?? 'x')].join(' ');

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

test('every public command is answered in the ack, exactly as the core answers it, within Slack limits', async () => {
  // A second, independent core fed the same requests gives the expected replies.
  const referenceStore = createState('memory');
  const reference = createMentor({ store: referenceStore });
  try {
    for (const definition of PUBLIC_COMMANDS.filter((c) => c.id !== 'export')) {
      const line = commandLine(definition.id);
      const result = await h.command(line);
      expect({ line, status: result.status }).toEqual({ line, status: 200 });
      expect(result.ms).toBeLessThan(3000);
      const request: MentorRequest = { kind: 'command', userId: 'U1', command: definition.id, text: line.split(' ').slice(1).join(' '), share: false };
      const expected = await reference.handle(request);
      const [first] = replyToSlackMessages(expected);
      expect({ line, ack: result.ack }).toEqual({
        line,
        ack: { response_type: expected.visibility === 'public' ? 'in_channel' : 'ephemeral', text: first!.text, blocks: first!.blocks },
      });
      expect(limitViolations(result.ack as unknown as SlackMessage)).toEqual([]);
    }
  } finally {
    await referenceStore.disconnect();
  }
  await h.slack.whenIdle();
  expect(h.errors()).toEqual([]);
});

test('help lists every public command, and its <topic> placeholders arrive escaped', async () => {
  const { ack } = await h.command('');
  const message = ack as unknown as SlackMessage;
  expect(ack?.response_type).toBe('ephemeral');
  const visible = visibleText(message);
  for (const c of PUBLIC_COMMANDS) expect(visible).toContain(`${c.id}`);
  expect(visible).toContain('done <topic>');
  expect(JSON.stringify(message.blocks)).toContain('done &lt;topic&gt;');
  expect(JSON.stringify(message.blocks)).not.toContain('<topic>');
});

test('personal answers are ephemeral; "share" and public commands post in the channel', async () => {
  expect((await h.command('next')).ack?.response_type).toBe('ephemeral');
  expect((await h.command('next share')).ack?.response_type).toBe('in_channel');
  expect((await h.command('tip')).ack?.response_type).toBe('in_channel');
});

test('export returns the stored data of the asker only', async () => {
  await h.command('done pytorch', { userId: 'U7' });
  const { ack } = await h.command('export', { userId: 'U7' });
  const visible = visibleText(ack as unknown as SlackMessage);
  expect(visible).toContain('pytorch');
  const other = await h.command('export', { userId: 'U8' });
  expect(visibleText(other.ack as unknown as SlackMessage)).not.toContain('pytorch');
});

test('a state change through /mentor is seen by the next command', async () => {
  const before = visibleText((await h.command('progress')).ack as unknown as SlackMessage);
  await h.command('done pytorch');
  const after = visibleText((await h.command('progress')).ack as unknown as SlackMessage);
  expect(before).not.toEqual(after);
  expect(after).toMatch(/PyTorch/i);
});

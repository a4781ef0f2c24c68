/** Slack payloads to MentorRequest: translation only. */
import { parseBlockAction, parseDirectMessage, parseHomeOpened, parseSlashCommand } from '../../src/bots/slack/parse';
import { deliveryKeys } from '../../src/bots/slack/listeners/dedupe';

describe('parseSlashCommand', () => {
  test.each([
    ['', { command: 'help', text: '', share: false }],
    ['   ', { command: 'help', text: '', share: false }],
    ['next', { command: 'next', text: '', share: false }],
    ['NEXT share', { command: 'next', text: '', share: true }],
    ['done pytorch', { command: 'done', text: 'pytorch', share: false }],
    ['what is AutoML?', { command: 'ask', text: 'what is AutoML?', share: false }],
    ['answer data-scientist', { command: 'ask', text: 'answer data-scientist', share: false }],
    // Slack escapes &, < and > in command text; the core gets what the user typed.
    ['ask is R &amp; Julia &lt;ok&gt;?', { command: 'ask', text: 'is R & Julia <ok>?', share: false }],
  ])('%j', (text, expected) => {
    expect(parseSlashCommand({ user_id: 'U1', text })).toMatchObject({ kind: 'command', userId: 'U1', ...expected });
  });

  test('says where it was typed: a channel, or the DM with the app (direct)', () => {
    expect(parseSlashCommand({ user_id: 'U1', text: 'tips on', channel_id: 'C42' }).place).toEqual({ platform: 'slack', channelId: 'C42', direct: false });
    expect(parseSlashCommand({ user_id: 'U1', text: 'tips on', channel_id: 'D42' }).place).toEqual({ platform: 'slack', channelId: 'D42', direct: true });
  });
});

describe('parseDirectMessage', () => {
  const base = { type: 'message', channel_type: 'im', user: 'U1', text: 'hello &lt;@U2&gt;' };
  test('a person writing in the DM', () => {
    expect(parseDirectMessage({ ...base, channel: 'D9' }, 'UBOT')).toEqual({
      kind: 'message',
      userId: 'U1',
      text: 'hello <@U2>',
      place: { platform: 'slack', channelId: 'D9', direct: true },
    });
  });
  test.each([
    ['a bot', { bot_id: 'B1' }],
    ['a bot_message', { subtype: 'bot_message' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['ourselves', { user: 'UBOT' }],
    ['a channel message', { channel_type: 'channel' }],
    ['no user', { user: undefined }],
    ['empty text', { text: '  ' }],
    ['another event type', { type: 'app_mention' }],
  ])('ignores %s', (_name, change) => {
    expect(parseDirectMessage({ ...base, ...change }, 'UBOT')).toBeUndefined();
  });
});

describe('parseBlockAction', () => {
  const body = (action: { action_id: string; value?: string; type?: string }) => ({ type: 'block_actions', user: { id: 'U1' }, actions: [action] });
  test('decodes our action id back to the core action, value unchanged', () => {
    expect(parseBlockAction(body({ action_id: 'mentor:done:4', value: 'pytorch', type: 'button' }))).toMatchObject({ kind: 'action', userId: 'U1', actionId: 'done', value: 'pytorch' });
    expect(parseBlockAction(body({ action_id: 'mentor:next:0', type: 'button' }))).toMatchObject({ kind: 'action', userId: 'U1', actionId: 'next', value: '' });
  });
  test('a press says where: the channel of the message, or App Home (direct, no conversation)', () => {
    const press = { ...body({ action_id: 'mentor:tip:0', type: 'button' }), channel: { id: 'C7' } };
    expect(parseBlockAction(press)?.place).toEqual({ platform: 'slack', channelId: 'C7', direct: false });
    expect(parseBlockAction({ ...press, channel: undefined, view: { type: 'home' } })?.place).toEqual({ platform: 'slack', direct: true });
  });
  test('ignores actions this app did not make, and non-buttons', () => {
    expect(parseBlockAction(body({ action_id: 'other', value: 'x', type: 'button' }))).toBeUndefined();
    expect(parseBlockAction(body({ action_id: 'mentor:done:1', type: 'static_select' }))).toBeUndefined();
    expect(parseBlockAction({ type: 'interactive_message', user: { id: 'U1' }, actions: [] })).toBeUndefined();
  });
});

describe('parseHomeOpened', () => {
  test('the Home tab is a home request; the Messages tab is not', () => {
    expect(parseHomeOpened({ type: 'app_home_opened', user: 'U1', tab: 'home' })).toEqual({ kind: 'home', userId: 'U1', place: { platform: 'slack', direct: true } });
    expect(parseHomeOpened({ type: 'app_home_opened', user: 'U1', tab: 'messages' })).toBeUndefined();
  });
});

describe('deliveryKeys', () => {
  test('events by event_id and client_msg_id, commands and interactions by trigger_id', () => {
    expect(deliveryKeys({ type: 'event_callback', event_id: 'Ev1', event: { client_msg_id: 'm1' } })).toEqual(['event:Ev1', 'msg:m1']);
    expect(deliveryKeys({ type: 'event_callback', event_id: 'Ev2', event: {} })).toEqual(['event:Ev2']);
    expect(deliveryKeys({ command: '/mentor', trigger_id: 't1' })).toEqual(['command:t1']);
    expect(deliveryKeys({ type: 'block_actions', trigger_id: 't2' })).toEqual(['interaction:t2']);
    expect(deliveryKeys({ type: 'url_verification' })).toEqual([]);
  });
});

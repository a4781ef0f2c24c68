/** Discord payloads -> MentorRequest, without a client. */
import { ApplicationCommandOptionType as T } from 'discord.js';
import { buttonToRequest, chatInputToRequest, directMessageToRequest, focusedValue } from '../../src/bots/discord/parse';

const user = { id: '42' };
const sub = (name: string, options: { name: string; type: number; value: string | boolean }[] = []) => ({
  commandName: 'mentor',
  user,
  options: { data: [{ name, type: T.Subcommand, options }] },
});

describe('chatInputToRequest', () => {
  test('subcommand and its text option become command and text', () => {
    expect(chatInputToRequest(sub('done', [{ name: 'topic', type: T.String, value: ' pytorch ' }]))).toEqual({
      kind: 'command',
      userId: '42',
      command: 'done',
      text: 'pytorch',
      share: false,
      place: { platform: 'discord', direct: true },
    });
  });

  test('says where: a server channel with the member\'s Manage Channels permission, or a DM', () => {
    const may = { has: (bit: bigint) => bit === 16n };
    const mayNot = { has: () => false };
    const inGuild = (memberPermissions: { has(bit: bigint): boolean } | null) => ({ ...sub('next'), channelId: '55', guildId: '77', memberPermissions });
    expect(chatInputToRequest(inGuild(may))?.place).toEqual({ platform: 'discord', channelId: '55', direct: false, canManageChannel: true });
    expect(chatInputToRequest(inGuild(mayNot))?.place).toEqual({ platform: 'discord', channelId: '55', direct: false, canManageChannel: false });
    expect(chatInputToRequest(inGuild(null))?.place).toMatchObject({ canManageChannel: false });
    expect(chatInputToRequest({ ...sub('next'), channelId: '56', guildId: null, memberPermissions: null })?.place).toEqual({ platform: 'discord', channelId: '56', direct: true });
  });

  test('share:true is carried; share:false is not sharing', () => {
    expect(chatInputToRequest(sub('next', [{ name: 'share', type: T.Boolean, value: true }]))).toMatchObject({ command: 'next', share: true });
    expect(chatInputToRequest(sub('next', [{ name: 'share', type: T.Boolean, value: false }]))).toMatchObject({ share: false });
  });

  test('options the registry does not define are not smuggled into the text', () => {
    expect(chatInputToRequest(sub('next', [{ name: 'extra', type: T.String, value: 'rm -rf' }]))).toMatchObject({ command: 'next', text: '' });
  });

  test('an unknown subcommand or none at all falls back to help; other commands are not ours', () => {
    expect(chatInputToRequest(sub('gone'))).toMatchObject({ command: 'help', text: '' });
    expect(chatInputToRequest({ commandName: 'mentor', user, options: { data: [] } })).toMatchObject({ command: 'help' });
    expect(chatInputToRequest({ ...sub('next'), commandName: 'other' })).toBeUndefined();
  });

  test('the hidden `answer` command is not reachable as a slash subcommand', () => {
    expect(chatInputToRequest(sub('answer', [{ name: 'answer', type: T.String, value: 'x' }]))).toMatchObject({ command: 'help', text: '' });
  });
});

test('focusedValue finds the option being typed inside the subcommand', () => {
  expect(focusedValue([{ name: 'done', options: [{ name: 'topic', value: 'pyt', focused: true }] }])).toBe('pyt');
  expect(focusedValue([{ name: 'done', options: [{ name: 'topic', value: '', focused: true }] }])).toBe('');
  expect(focusedValue([])).toBe('');
});

test('buttonToRequest decodes our custom_ids only', () => {
  expect(buttonToRequest('42', 'm|answer|data-scientist')).toMatchObject({ kind: 'action', userId: '42', actionId: 'answer', value: 'data-scientist' });
  expect(buttonToRequest('42', 'm2|tip|', { channelId: '9', guildId: '1', memberPermissions: null })).toEqual({
    kind: 'action',
    userId: '42',
    actionId: 'tip',
    value: '',
    place: { platform: 'discord', channelId: '9', direct: false, canManageChannel: false },
  });
  expect(buttonToRequest('42', 'whatever')).toBeUndefined();
});

describe('directMessageToRequest', () => {
  const dm = (content: string, author = { id: '42', bot: false }, guildId: string | null = null, system = false) => ({ author, content, guildId, system });

  test('a person writing in DMs is a message request', () => {
    expect(directMessageToRequest({ ...dm('  what next? '), channelId: '8' }, 'self')).toEqual({
      kind: 'message',
      userId: '42',
      text: 'what next?',
      place: { platform: 'discord', channelId: '8', direct: true },
    });
  });

  test('bots, the bot itself, server messages and empty text are ignored', () => {
    expect(directMessageToRequest(dm('hi', { id: '7', bot: true }), 'self')).toBeUndefined();
    expect(directMessageToRequest(dm('hi', { id: 'self', bot: false }), 'self')).toBeUndefined();
    expect(directMessageToRequest(dm('hi', { id: '42', bot: false }, '999'), 'self')).toBeUndefined();
    expect(directMessageToRequest(dm('   '), 'self')).toBeUndefined();
  });

  test('system messages are ignored even when they carry text (a group DM renamed)', () => {
    expect(directMessageToRequest(dm('new name', { id: '42', bot: false }, null, true), 'self')).toBeUndefined();
  });
});

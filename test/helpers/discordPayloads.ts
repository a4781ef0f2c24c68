/**
 * Gateway payloads as Discord sends them (INTERACTION_CREATE, MESSAGE_CREATE), complete enough for
 * discord.js: it trusts the shapes, so a missing `entitlements` or `authorizing_integration_owners`
 * makes it throw inside the library and no event fires.
 */
import { ApplicationCommandOptionType, ComponentType, InteractionType } from 'discord.js';
import { botMessage, FAKE_APP_ID, snowflake } from './discordFake';

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export const makeUser = (id: string, username = `user${id.slice(-4)}`, bot = false): FakeUser => ({
  id,
  username,
  discriminator: '0',
  global_name: username,
  avatar: null,
  ...(bot ? { bot: true } : {}),
});

export const LEARNER = makeUser('300000000000000001', 'learner');
export const GUILD_ID = '400000000000000001';
export const GUILD_CHANNEL_ID = '400000000000000002';

/** Where an interaction happens: the bot's DMs (context 1) or a server channel (context 0). */
export interface Place {
  user?: FakeUser;
  guild?: boolean;
  /** The member may manage the channel (Manage Channels); members have no permissions otherwise. */
  managesChannel?: boolean;
  /** When Discord created the interaction (ms since 1970, encoded in its id); default now. */
  createdAt?: number;
}

function base(type: InteractionType, place: Place) {
  const user = place.user ?? LEARNER;
  const id = snowflake(place.createdAt);
  const common = {
    id,
    application_id: FAKE_APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 10_485_760,
  };
  if (place.guild) {
    return {
      ...common,
      guild_id: GUILD_ID,
      guild_locale: 'en-US',
      context: 0,
      channel_id: GUILD_CHANNEL_ID,
      channel: { id: GUILD_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', flags: 0 },
      member: { user, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: place.managesChannel ? '16' : '0' },
    };
  }
  const dmChannel = dmChannelId(user.id);
  return { ...common, context: 1, user, channel_id: dmChannel, channel: { id: dmChannel, type: 1, flags: 0, recipients: [user] } };
}

/** A stable DM channel id per user, so a conversation stays in one channel. */
export const dmChannelId = (userId: string) => `5${userId.slice(1)}`;

export interface OptionValue {
  name: string;
  value: string | boolean;
  focused?: boolean;
}

function subcommandOptions(options: OptionValue[]) {
  return options.map((o) => ({
    name: o.name,
    type: typeof o.value === 'boolean' ? ApplicationCommandOptionType.Boolean : ApplicationCommandOptionType.String,
    value: o.value,
    ...(o.focused ? { focused: true } : {}),
  }));
}

/** `/mentor <sub> ...options`. */
export function chatInput(sub: string, options: OptionValue[] = [], place: Place = {}) {
  return {
    ...base(InteractionType.ApplicationCommand, place),
    data: {
      id: '600000000000000001',
      name: 'mentor',
      type: 1,
      options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: subcommandOptions(options) }],
    },
  };
}

/** Typing `value` into a topic option of `/mentor <sub>`. */
export function autocomplete(sub: string, value: string, place: Place = {}) {
  return {
    ...base(InteractionType.ApplicationCommandAutocomplete, place),
    data: {
      id: '600000000000000001',
      name: 'mentor',
      type: 1,
      options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: subcommandOptions([{ name: 'topic', value, focused: true }]) }],
    },
  };
}

/** A press of the button `customId` on a message the bot posted (ephemeral when `ephemeral`). */
export function buttonPress(customId: string, place: Place & { ephemeral?: boolean; messageId?: string } = {}) {
  const interaction = base(InteractionType.MessageComponent, place);
  return {
    ...interaction,
    message: botMessage({
      id: place.messageId ?? snowflake(),
      channel_id: interaction.channel_id,
      components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: 2, label: 'x', custom_id: customId }] }],
      flags: place.ephemeral ? 64 : 0,
      ...(place.guild ? { guild_id: GUILD_ID } : {}),
    }),
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/**
 * A message in the DM between `author` and the bot. Discord sends `channel_type` with MESSAGE_CREATE;
 * discord.js 14.28 needs it to build the (uncached, partial) DM channel, or the DM is dropped.
 */
export function directMessage(content: string, author: FakeUser = LEARNER) {
  return {
    id: snowflake(),
    channel_id: dmChannelId(author.id),
    channel_type: 1,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

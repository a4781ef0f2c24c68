/**
 * Recorded Discord gateway payloads (test/fixtures/real-payloads, sources in its README) aimed at our bot.
 * Only what routes a payload changes: ids (fresh snowflakes, so the dedupe and the 3 s interaction budget
 * see a new, current event), the author, the channel (to the author's DM with the bot) and, for
 * interactions, our application and command. Every other field stays as Discord sent it.
 */
import { FAKE_APP_ID, snowflake } from './discordFake';
import { dmChannelId, type FakeUser } from './discordPayloads';

type Json = Record<string, unknown>;

/** A recorded MESSAGE_CREATE/MESSAGE_UPDATE body, moved into `author`'s DM with the bot. */
export function asDirectMessage(recorded: Json, author: FakeUser, overrides: Json = {}): Json {
  const { guild_id: _guild, member: _member, ...rest } = recorded;
  return {
    ...rest,
    id: snowflake(),
    channel_id: dmChannelId(author.id),
    // Discord sends the channel type with DM messages; discord.js needs it to build the uncached DM channel.
    channel_type: 1,
    author: { ...(recorded.author as Json), id: author.id, username: author.username, ...(author.bot ? { bot: true } : {}) },
    ...overrides,
  };
}

/**
 * A recorded INTERACTION_CREATE (Fischl's, 2025) made ours: a fresh id and token, our application id, and
 * `/mentor <sub>` in place of the recorded command. Values Node printed as "[Object]" are filled in.
 */
export function asOurInteraction(recorded: Json, data: Json, type?: number): Json & { id: string; token: string } {
  const id = snowflake();
  const interaction: Json = { ...recorded, id, token: `token-${id}`, application_id: FAKE_APP_ID, data, ...(type ? { type } : {}) };
  const channel = recorded.channel as Json;
  const user = (recorded.user ?? (recorded.member as Json).user) as Json;
  if (Array.isArray(channel.recipients)) interaction.channel = { ...channel, recipients: [user] };
  return interaction as Json & { id: string; token: string };
}

/** The guild payload's member user was cut off by util.inspect where the DM payload (same person) was not. */
export function withMemberUserFrom(guild: Json, dm: Json): Json {
  const member = guild.member as Json;
  const dmUser = dm.user as Json;
  return { ...guild, member: { ...member, user: { ...(member.user as Json), clan: dmUser.clan, primary_guild: dmUser.primary_guild } } };
}

/** The `data` of `/mentor <sub>` with string options, as Discord sends a chat-input command. */
export function mentorCommand(sub: string, options: { name: string; value: string; focused?: boolean }[] = []): Json {
  return {
    id: '600000000000000001',
    name: 'mentor',
    type: 1,
    options: [{ name: sub, type: 1, options: options.map((o) => ({ type: 3, ...o })) }],
  };
}

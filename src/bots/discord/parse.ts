/**
 * Discord payloads -> MentorRequest. Pure functions over the few fields they read, so they are tested
 * without a client and the bot's handlers stay thin. No meaning is added here: the core decides.
 */
import { PUBLIC_COMMANDS } from '../../core/commands/definitions';
import type { MentorRequest, Place } from '../../core/request';
import { MENTOR_COMMAND_NAME, SHARE_OPTION_NAME } from './commands';
import { decodeCustomId } from './customId';

/** The shape of a resolved option as discord.js exposes it (`interaction.options.data`). */
export interface OptionData {
  name: string;
  type?: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: readonly OptionData[];
}

/** Where an interaction happened, as discord.js exposes it. */
export interface InteractionPlaceLike {
  channelId?: string | null;
  /** Null in DMs. */
  guildId?: string | null;
  /** The member's permissions in this channel (overwrites applied); null outside a server. */
  memberPermissions?: { has(permission: bigint): boolean } | null;
}

/** Manage Channels (1 << 4): who may change what the bot posts in a channel (its daily tips). */
const MANAGE_CHANNELS = 1n << 4n;

/**
 * Where on Discord a request was made. Discord tells no timezone. In a server, whether the member may
 * manage the channel; a DM (no guild) is the person's own conversation with the mentor.
 */
export function discordPlace(interaction: InteractionPlaceLike): Place {
  const direct = !interaction.guildId;
  return {
    platform: 'discord',
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    direct,
    ...(direct ? {} : { canManageChannel: interaction.memberPermissions?.has(MANAGE_CHANNELS) === true }),
  };
}

export interface ChatInputLike extends InteractionPlaceLike {
  commandName: string;
  user: { id: string };
  options: { data: readonly OptionData[] };
}

/** `/mentor <sub> [text options] [share]` -> a command request; undefined for commands that are not ours. */
export function chatInputToRequest(interaction: ChatInputLike): Extract<MentorRequest, { kind: 'command' }> | undefined {
  if (interaction.commandName !== MENTOR_COMMAND_NAME) return undefined;
  const sub = interaction.options.data[0];
  const place = discordPlace(interaction);
  if (!sub) return { kind: 'command', userId: interaction.user.id, command: 'help', text: '', share: false, place };
  const definition = PUBLIC_COMMANDS.find((c) => c.id === sub.name);
  const options = sub.options ?? [];
  const share = options.some((o) => o.name === SHARE_OPTION_NAME && o.value === true);
  // Argument text in the registry's option order; commands have at most one text option today.
  const text = (definition?.options ?? [])
    .map((o) => options.find((given) => given.name === o.name)?.value)
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .trim();
  // A subcommand that is still registered on Discord but gone from the registry: let the core answer `help`.
  return { kind: 'command', userId: interaction.user.id, command: definition?.id ?? 'help', text, share, place };
}

/** The text being typed into the focused option, for autocomplete. */
export function focusedValue(data: readonly OptionData[]): string {
  for (const option of data) {
    if (option.focused) return String(option.value ?? '');
    if (option.options) {
      const nested = focusedValue(option.options);
      if (nested !== '' || option.options.some((o) => o.focused)) return nested;
    }
  }
  return '';
}

export function buttonToRequest(userId: string, customId: string, where: InteractionPlaceLike = {}): Extract<MentorRequest, { kind: 'action' }> | undefined {
  const decoded = decodeCustomId(customId);
  return decoded && { kind: 'action', userId, actionId: decoded.actionId, value: decoded.value, place: discordPlace(where) };
}

export interface MessageLike {
  author: { id: string; bot: boolean };
  content: string;
  /**
   * discord.js: true for every type but default, reply and the two command types. System messages (pins,
   * calls, group renames, joins) are Discord speaking, and some carry text that is not the person's.
   */
  system: boolean;
  /** Null in DMs. */
  guildId: string | null;
  channelId?: string;
}

/**
 * A DM from a person -> a message request; undefined for guild messages, system messages, bots (ourselves
 * included) and empty text.
 */
export function directMessageToRequest(message: MessageLike, selfId?: string): Extract<MentorRequest, { kind: 'message' }> | undefined {
  if (message.guildId !== null || message.system || message.author.bot || message.author.id === selfId) return undefined;
  const text = message.content.trim();
  if (!text) return undefined;
  return { kind: 'message', userId: message.author.id, text, place: { platform: 'discord', ...(message.channelId ? { channelId: message.channelId } : {}), direct: true } };
}

/**
 * Discord payloads -> MentorRequest. Pure functions over the few fields they read, so they are tested
 * without a client and the bot's handlers stay thin. No meaning is added here: the core decides.
 */
import { PUBLIC_COMMANDS } from '../../core/commands/definitions';
import type { MentorRequest } from '../../core/request';
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

export interface ChatInputLike {
  commandName: string;
  user: { id: string };
  options: { data: readonly OptionData[] };
}

/** `/mentor <sub> [text options] [share]` -> a command request; undefined for commands that are not ours. */
export function chatInputToRequest(interaction: ChatInputLike): Extract<MentorRequest, { kind: 'command' }> | undefined {
  if (interaction.commandName !== MENTOR_COMMAND_NAME) return undefined;
  const sub = interaction.options.data[0];
  if (!sub) return { kind: 'command', userId: interaction.user.id, command: 'help', text: '', share: false };
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
  return { kind: 'command', userId: interaction.user.id, command: definition?.id ?? 'help', text, share };
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

export function buttonToRequest(userId: string, customId: string): Extract<MentorRequest, { kind: 'action' }> | undefined {
  const decoded = decodeCustomId(customId);
  return decoded && { kind: 'action', userId, actionId: decoded.actionId, value: decoded.value };
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
}

/**
 * A DM from a person -> a message request; undefined for guild messages, system messages, bots (ourselves
 * included) and empty text.
 */
export function directMessageToRequest(message: MessageLike, selfId?: string): Extract<MentorRequest, { kind: 'message' }> | undefined {
  if (message.guildId !== null || message.system || message.author.bot || message.author.id === selfId) return undefined;
  const text = message.content.trim();
  if (!text) return undefined;
  return { kind: 'message', userId: message.author.id, text };
}

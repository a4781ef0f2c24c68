/**
 * The one interactionCreate dispatcher: autocomplete, /mentor and button presses. Each interaction gets
 * exactly one acknowledgement within Discord's 3 s: the answer itself when the core is fast, else a defer
 * followed by an edit. Failures are logged and, where an answer can still be shown, end in a short apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { findCommand } from '../../core/commands/definitions';
import { reply as makeReply, type Reply } from '../../core/reply';
import type { MentorRequest } from '../../core/request';
import { INTERACTION_ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION, describeError, isApiError } from './apiErrors';
import { MENTOR_COMMAND_NAME } from './commands';
import type { BotContext } from './context';
import { raceDeadline } from './deadline';
import { buttonToRequest, chatInputToRequest, focusedValue } from './parse';
import { editPayload, interactionSendPayload } from './payloads';
import { replyToDiscordMessages } from './render';
import { truncate } from './split';

const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_LENGTH = 100;

export const apology = (): Reply =>
  makeReply([{ type: 'text', text: 'Sorry, something went wrong on my side. Please try again in a moment.' }]);

/** Private unless the core says public, or the user shared a non-error answer. */
function isEphemeral(answer: Reply, request: MentorRequest): boolean {
  const shared = request.kind === 'command' && request.share === true && !answer.error;
  return answer.visibility === 'private' && !shared;
}

export async function handleInteraction(ctx: BotContext, interaction: BaseInteraction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await chatInput(ctx, interaction);
    else if (interaction.isButton()) await button(ctx, interaction);
  } catch (error) {
    await recover(ctx, interaction, error);
  }
}

/** Answered at once from the in-memory index; autocomplete cannot be deferred. */
async function autocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const query = interaction.commandName === MENTOR_COMMAND_NAME ? focusedValue(interaction.options.data) : undefined;
  const topics = query === undefined ? [] : ctx.mentor.suggestTopics(query, AUTOCOMPLETE_LIMIT);
  const choices = topics
    .slice(0, AUTOCOMPLETE_LIMIT)
    .filter((t) => t.id.length > 0 && t.id.length <= CHOICE_LENGTH)
    .map((t) => ({ name: truncate(t.name || t.id, CHOICE_LENGTH), value: t.id }));
  await interaction.respond(choices);
}

async function chatInput(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const request = chatInputToRequest(interaction);
  if (!request) {
    ctx.logger.warn('discord: unknown command', { command: interaction.commandName });
    await interaction.reply({ content: 'I do not know that command.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  // Decided before the answer exists, in case it must be deferred: the registry knows if it is personal.
  const expectPrivate = (findCommand(request.command)?.personal ?? true) && !request.share;
  await answer(ctx, interaction, request, expectPrivate ? 'reply-private' : 'reply-public');
}

async function button(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const request = buttonToRequest(interaction.user.id, interaction.customId);
  if (!request) {
    ctx.logger.warn('discord: unknown button', { customId: interaction.customId.slice(0, 100) });
    await interaction.reply({ content: 'That button is no longer available.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  // A button on a message the whole channel sees (a shared answer) must not be overwritten with one
  // person's private answer: that press is answered privately instead of in place.
  const publicMessage = interaction.inGuild() && !interaction.message.flags.has(MessageFlags.Ephemeral);
  const personal = findCommand(request.actionId)?.personal ?? true;
  await answer(ctx, interaction, request, publicMessage && personal ? 'reply-private' : 'update');
}

type Mode = 'reply-private' | 'reply-public' | 'update';

/** Races the core against the deadline, then acknowledges once and delivers every rendered message. */
async function answer(
  ctx: BotContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  request: MentorRequest,
  mode: Mode,
): Promise<void> {
  const work = ctx.mentor.handle(request);
  const raced = await raceDeadline(work, ctx.deferAfterMs);
  let result: Reply;
  let deferredPrivate: boolean | undefined;
  if (raced.settled) {
    result = 'value' in raced ? raced.value : failed(ctx, raced.error);
  } else {
    deferredPrivate = mode !== 'reply-public';
    if (mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply(deferredPrivate ? { flags: MessageFlags.Ephemeral } : {});
    ctx.logger.debug('discord: deferred a slow answer', { interaction: interaction.id });
    result = await work.catch((error: unknown) => failed(ctx, error));
  }

  const ephemeral = isEphemeral(result, request);
  const [first, ...rest] = replyToDiscordMessages(result);
  if (!first) return;
  if (deferredPrivate === undefined) {
    if (mode === 'update' && interaction.isButton()) await interaction.update(editPayload(first));
    else await interaction.reply(interactionSendPayload(first, ephemeral));
  } else if (!deferredPrivate && ephemeral && mode !== 'update') {
    // Deferred in public but the answer turned out private (an error on a shared command): replace the
    // public "thinking..." placeholder rather than show a private answer to the channel.
    await interaction.deleteReply();
    await interaction.followUp(interactionSendPayload(first, true));
  } else {
    await interaction.editReply(editPayload(first));
  }
  // Continuations are never more public than the first part: a private defer keeps them private too.
  const restPrivate = ephemeral || (deferredPrivate === true && mode === 'reply-private');
  for (const extra of rest) await interaction.followUp(interactionSendPayload(extra, restPrivate));
}

function failed(ctx: BotContext, error: unknown): Reply {
  ctx.logger.error('discord: the mentor failed to answer', describeError(error));
  return apology();
}

/**
 * After a failure: 10062 (expired or unknown) and 40060 (another instance answered) are expected and only
 * logged; nothing is retried, since a retry would fail again or post twice. Other errors get one apology
 * if the interaction can still take it.
 */
async function recover(ctx: BotContext, interaction: BaseInteraction, error: unknown): Promise<void> {
  const fields = { interaction: interaction.id, ...describeError(error) };
  if (isApiError(error, UNKNOWN_INTERACTION)) return ctx.logger.warn('discord: interaction expired or unknown (10062)', fields);
  if (isApiError(error, INTERACTION_ALREADY_ACKNOWLEDGED)) {
    return ctx.logger.warn('discord: interaction already acknowledged (40060), another instance may share this token', fields);
  }
  ctx.logger.error('discord: interaction failed', fields);
  if (!interaction.isRepliable() || interaction.isAutocomplete()) return;
  try {
    const [message] = replyToDiscordMessages(apology());
    if (!message) return;
    if (interaction.replied) return; // something was already shown: an apology now would be a double post
    // A deferred button may have deferred an in-place update: editing would wipe the user's message.
    if (interaction.deferred && interaction.isButton()) await interaction.followUp(interactionSendPayload(message, true));
    else if (interaction.deferred) await interaction.editReply(editPayload(message));
    else await interaction.reply(interactionSendPayload(message, true));
  } catch (second) {
    ctx.logger.warn('discord: could not tell the user about the failure', { interaction: interaction.id, ...describeError(second) });
  }
}

/**
 * The one interactionCreate dispatcher: autocomplete, /mentor and button presses. Each interaction gets
 * exactly one acknowledgement within Discord's 3 s, counted from when Discord created it: the answer itself
 * when the core is fast, else a defer followed by an edit. Interactions too old to acknowledge, and copies
 * another process on the same token already took, are dropped before the core sees them. Failures are
 * logged and, where an answer can still be shown, end in a short apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { expectedVisibilityFor } from '../../core/commands/definitions';
import type { Reply } from '../../core/reply';
import type { MentorRequest } from '../../core/request';
import { INTERACTION_ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION, describeError, isApiError } from './apiErrors';
import { MENTOR_COMMAND_NAME } from './commands';
import { MAX_INTERACTION_AGE_MS, type BotContext } from './context';
import { raceDeadline } from '../common/deadline';
import { sendImage } from './image';
import { apology, renderForSending } from './outgoing';
import { buttonToRequest, chatInputToRequest, focusedValue } from './parse';
import { editPayload, interactionSendPayload } from './payloads';
import { truncate } from './split';

const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_LENGTH = 100;

/**
 * Milliseconds since Discord created the interaction (its snowflake's timestamp). A host clock behind
 * Discord's would give a negative age; it counts as 0 so the defer is never later than `deferAfterMs`.
 * A clock ahead makes interactions look older: keep the host on NTP.
 */
const ageOf = (interaction: BaseInteraction): number => Math.max(0, Date.now() - interaction.createdTimestamp);

function tooOld(ctx: BotContext, interaction: BaseInteraction): boolean {
  const ageMs = ageOf(interaction);
  if (ageMs <= MAX_INTERACTION_AGE_MS) return false;
  ctx.logger.warn('discord: interaction too old to acknowledge in time; skipped', { interaction: interaction.id, ageMs });
  return true;
}

export async function handleInteraction(ctx: BotContext, interaction: BaseInteraction): Promise<void> {
  try {
    if (tooOld(ctx, interaction)) return;
    // Autocomplete changes nothing, so a second answer is harmless: no store write per keystroke.
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction);
    if (!(await ctx.firstTime(interaction.id))) {
      ctx.logger.info('discord: duplicate interaction dropped; another instance on this token took it', { interaction: interaction.id });
      return;
    }
    // The dedupe may have waited on the store: check the budget again before the core changes anything.
    if (tooOld(ctx, interaction)) return;
    if (interaction.isChatInputCommand()) await chatInput(ctx, interaction);
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
  // Known before the answer exists, in case it must be deferred.
  const visibility = expectedVisibilityFor(request.command, request.share ?? false, request.text, request.place);
  await answer(ctx, interaction, request, visibility === 'private' ? 'reply-private' : 'reply-public');
}

async function button(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const request = buttonToRequest(interaction.user.id, interaction.customId, interaction);
  if (!request) {
    ctx.logger.warn('discord: unknown button', { customId: interaction.customId.slice(0, 100) });
    await interaction.reply({ content: 'That button is no longer available.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  // A button on a message the whole channel sees (a shared answer, a daily tip) must not be overwritten by
  // one person's press: a personal answer comes privately, any other as a message of its own (as on Slack).
  const publicMessage = interaction.inGuild() && !interaction.message.flags.has(MessageFlags.Ephemeral);
  const personal = expectedVisibilityFor(request.actionId, false, request.value, request.place) === 'private';
  // A press on a shared post (a daily tip, a shared answer) adds its answer and leaves the post for everyone.
  const mode: Mode = publicMessage ? (personal ? 'reply-private' : 'reply-public') : 'update';
  await answer(ctx, interaction, request, mode);
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
  const raced = await raceDeadline(work, Math.max(0, ctx.deferAfterMs - ageOf(interaction)));
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

  // The core's answer carries its visibility: personal answers and refusals are private.
  const ephemeral = result.visibility === 'private';
  // A refused press leaves the pressed message as it was; only the presser is told why (as on Slack).
  const inPlace = mode === 'update' && !result.error;
  const [first, ...rest] = renderForSending(ctx.logger, result);
  if (!first) return;
  if (deferredPrivate === undefined) {
    if (inPlace && interaction.isButton()) await interaction.update(editPayload(first));
    else await interaction.reply(interactionSendPayload(first, ephemeral));
  } else if (mode === 'update' && !inPlace) {
    await interaction.followUp(interactionSendPayload(first, true));
  } else if (!deferredPrivate && ephemeral) {
    // Deferred in public but the answer turned out private (an error on a shared command): replace the
    // public "thinking..." placeholder rather than show a private answer to the channel.
    await interaction.deleteReply();
    await interaction.followUp(interactionSendPayload(first, true));
  } else {
    await interaction.editReply(editPayload(first));
  }
  // Continuations are never more public than the first part: a private defer keeps them private too.
  const restPrivate = ephemeral || (deferredPrivate === true && mode === 'reply-private') || (mode === 'update' && !inPlace);
  for (const extra of rest) await interaction.followUp(interactionSendPayload(extra, restPrivate));
  // The picture comes last and as private as the text before it.
  await sendImage(ctx, result, (payload) => interaction.followUp({ ...payload, ...(restPrivate ? { flags: MessageFlags.Ephemeral } : {}) }));
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
    const [message] = renderForSending(ctx.logger, apology());
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

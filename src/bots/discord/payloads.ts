/** Rendered messages -> discord.js option objects, for sends (new messages) and edits (replace everything). */
import {
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageCreateOptions,
} from 'discord.js';
import type { DiscordMessage } from './render';

export function sendPayload(message: DiscordMessage): MessageCreateOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
  };
}

export function interactionSendPayload(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [] },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** An edit must clear what the old message had: empty content, embeds and components are sent explicitly. */
export function editPayload(message: DiscordMessage): InteractionEditReplyOptions & InteractionUpdateOptions {
  return { content: message.content ?? '', embeds: message.embeds, components: message.components, allowedMentions: { parse: [] } };
}

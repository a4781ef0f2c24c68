/**
 * The last step before anything is sent: render the reply, report what the (pure) renderer had to leave
 * out, and check every message against Discord's limits. A message over a limit would be refused with a
 * 400 and the answer lost; that should never happen, so it is logged as an error and a short apology,
 * known to fit, goes out instead.
 */
import type { Logger } from '../../core/logger';
import { reply, type Reply } from '../../core/reply';
import { limitViolations } from './limits';
import { renderReply, type DiscordMessage } from './render';

/** Shown when the core failed; marked as an error so a pressed message is never replaced by it. */
export const apology = (): Reply => ({
  ...reply([{ type: 'text', text: 'Sorry, something went wrong on my side. Please try again in a moment.' }]),
  error: true,
});

export function renderForSending(logger: Logger, answer: Reply): DiscordMessage[] {
  const { messages, droppedButtons } = renderReply(answer);
  if (droppedButtons.length > 0) {
    logger.warn('discord: buttons left out, their custom_id would exceed 100 characters', { actions: droppedButtons });
  }
  return withinLimits(logger, messages);
}

/** The messages unchanged when Discord would accept all of them, else the apology. */
export function withinLimits(logger: Logger, messages: DiscordMessage[]): DiscordMessage[] {
  const problems = messages.flatMap(limitViolations);
  if (problems.length === 0) return messages;
  logger.error('discord: rendered answer breaks Discord limits; sending an apology instead', { problems: problems.slice(0, 10) });
  return renderReply(apology()).messages;
}

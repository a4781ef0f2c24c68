/**
 * Button presses. The adapter adds no logic: the button's actionId/value go to the core as an action, and
 * the answer is shown where it reads best:
 * - on a message only the user sees (ephemeral, or in their DM with the mentor): the clicked message is
 *   replaced by the answer (the next setup question replaces the last one, "done" replaces the step);
 * - on a message in a shared channel: the answer is added, privately unless it is public, and the shared
 *   message stays as it was for everyone else;
 * - in App Home: the answer goes to the user's DM and the home tab is refreshed.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { usesTimezone } from '../../../core/commands/definitions';
import type { Reply } from '../../../core/reply';
import { askMentor, deliver, ResponseUrl, slackErrorCode, type Destination, type WebClient } from '../delivery';
import { sendImage } from '../image';
import { parseBlockAction } from '../parse';
import type { SlackMessage } from '../render';
import { renderSafely, type Rendered } from '../renderSafely';
import { forRequest, type ListenerDeps } from './deps';
import { publishHome } from './home';

/** Every action, not only ours: a button from an older version must still be acked, or Slack shows an error. */
export function actionListener(deps: ListenerDeps): (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => Promise<void> {
  return async ({ body, ack, client }) => {
    const req = forRequest(deps, body.user.id, (body as { trigger_id?: string }).trigger_id);
    // Nothing useful can go in a block_actions ack: ack at once, answer through response_url.
    await ack();
    if (body.type !== 'block_actions') return;
    const request = parseBlockAction(body);
    if (!request) {
      req.logger.warn('slack action not understood', { actionId: body.actions[0]?.action_id });
      return;
    }
    if (usesTimezone(request.actionId) && request.place) {
      // "Daily tips" in App Home subscribes the person at their own local time.
      const timezone = await deps.timezones.of(client, request.userId, req.logger);
      if (timezone) request.place = { ...request.place, timezone };
    }
    const reply = await askMentor(req.mentor, request, req.logger);
    const rendered = renderSafely(reply, req.logger);
    if (body.view?.type === 'home') {
      await answerFromHome(client, req, request.userId, rendered.messages, reply);
      return;
    }
    await answerOnMessage(client, req, body, reply, rendered);
  };
}

async function answerOnMessage(client: WebClient, deps: ListenerDeps, body: BlockAction, reply: Reply, rendered: Rendered): Promise<void> {
  const { messages } = rendered;
  const channelId: string | undefined = body.channel?.id ?? (body.container as { channel_id?: string }).channel_id;
  const inDm = channelId?.startsWith('D') ?? false;
  const ephemeral = (body.container as { is_ephemeral?: boolean }).is_ephemeral === true;
  // A refused request (stale button, bad value), or an answer that could not be shown, keeps the original
  // so the user can try again.
  const replace = !reply.error && !rendered.failed && (ephemeral || inDm);
  const to: Destination = {
    client,
    logger: deps.logger,
    responseUrl: new ResponseUrl(body.response_url, deps.logger),
    channelId,
    userId: body.user.id,
    // In the user's own DM a normal message is private already, and unlike an ephemeral one it stays.
    visibility: inDm ? 'public' : rendered.visibility,
  };
  const [first, ...rest] = messages;
  if (replace && first) {
    // A timed-out post ('unknown') may have replaced it already; posting it again as a new message could
    // show it twice, so it counts as replaced.
    const replaced = (await to.responseUrl.post({ ...first, replace_original: true })) !== 'failed' || (await updateInPlace(client, deps, body, channelId, ephemeral, first));
    if (replaced) {
      await deliver(to, rest);
      if (!rendered.failed) await sendImage(to, reply);
      return;
    }
  }
  await deliver(to, messages);
  if (!rendered.failed) await sendImage(to, reply);
}

/** chat.update, for a bot message in a conversation, when its response_url is spent or refused. */
async function updateInPlace(client: WebClient, deps: ListenerDeps, body: BlockAction, channelId: string | undefined, ephemeral: boolean, message: SlackMessage): Promise<boolean> {
  const ts = body.message?.ts ?? (body.container as { message_ts?: string }).message_ts;
  if (ephemeral || !channelId || !ts) return false;
  try {
    await client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks });
    return true;
  } catch (error) {
    deps.logger.warn('slack could not update the message in place', { error, code: slackErrorCode(error) });
    return false;
  }
}

async function answerFromHome(client: WebClient, deps: ListenerDeps, userId: string, messages: SlackMessage[], reply: Reply): Promise<void> {
  try {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    for (const message of messages) await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    // "Show my roadmap" on the home tab: the picture follows the text into the DM.
    await sendImage({ client, logger: deps.logger, channelId: channel, userId, visibility: 'public' }, reply);
  } catch (error) {
    deps.logger.error('slack could not answer a home tab button', { error, code: slackErrorCode(error) });
  }
  // The button may have changed what the home tab shows (progress, next step).
  await publishHome(client, deps, userId);
}

/**
 * `/mentor ...`: answered inside the ack when the core is quick (the common case), otherwise acked empty
 * at the deadline and delivered through the response_url, so Slack never shows "operation_timeout".
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usesTimezone } from '../../../core/commands/definitions';
import { withinDeadline } from '../../common/deadline';
import { askMentor, deliver, ResponseUrl, responseType, type Destination } from '../delivery';
import { sendImage } from '../image';
import { parseSlashCommand } from '../parse';
import { renderSafely } from '../renderSafely';
import { forRequest, receivedAt, type ListenerDeps } from './deps';

/** Every slash command the app owns goes to the mentor, so a renamed command (/mentor-dev) still works. */
export function commandListener(deps: ListenerDeps): (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void> {
  return async ({ command, ack, client, context }) => {
    const req = forRequest(deps, command.user_id, command.trigger_id);
    const request = parseSlashCommand(command);
    if (usesTimezone(request.command) && request.place) {
      const timezone = await deps.timezones.of(client, command.user_id, req.logger);
      if (timezone) request.place = { ...request.place, timezone };
    }
    const work = askMentor(req.mentor, request, req.logger);
    const early = await withinDeadline(work, receivedAt(context) + req.ackDeadlineMs - Date.now());
    const destination: Omit<Destination, 'visibility'> = {
      client,
      logger: req.logger,
      responseUrl: new ResponseUrl(command.response_url, req.logger),
      channelId: command.channel_id,
      userId: command.user_id,
    };
    if (early !== undefined) {
      const rendered = renderSafely(early, req.logger);
      if (!rendered.failed) {
        const [first, ...rest] = rendered.messages;
        await ack({ response_type: responseType(rendered.visibility), text: first!.text, blocks: first!.blocks });
        await deliver({ ...destination, visibility: rendered.visibility }, rest);
        await sendImage({ ...destination, visibility: rendered.visibility }, early);
        return;
      }
      // The apology goes after an empty ack, the way any late answer does: the ack must not depend on it.
      await ack();
      await deliver({ ...destination, visibility: rendered.visibility }, rendered.messages);
      return;
    }
    await ack();
    req.logger.info('slack command answered after the ack', { command: request.kind === 'command' ? request.command : '' });
    const answer = await work;
    const late = renderSafely(answer, req.logger);
    await deliver({ ...destination, visibility: late.visibility }, late.messages);
    if (!late.failed) await sendImage({ ...destination, visibility: late.visibility }, answer);
  };
}

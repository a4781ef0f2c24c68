/** App Home: every visit publishes the core's home reply (the core decides whether to welcome). */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askMentor, slackErrorCode, type WebClient } from '../delivery';
import { parseHomeOpened } from '../parse';
import { replyToHomeView } from '../render';
import type { ListenerDeps } from './deps';

export async function publishHome(client: WebClient, deps: ListenerDeps, userId: string): Promise<void> {
  const reply = await askMentor(deps.mentor, { kind: 'home', userId }, deps.logger);
  try {
    await client.views.publish({ user_id: userId, view: replyToHomeView(reply) });
  } catch (error) {
    deps.logger.error('slack could not publish the home tab', { error, code: slackErrorCode(error) });
  }
}

export function homeListener(deps: ListenerDeps): (args: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => Promise<void> {
  return async ({ event, client }) => {
    const request = parseHomeOpened(event);
    if (request) await publishHome(client, deps, request.userId);
  };
}

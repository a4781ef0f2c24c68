/**
 * Every Slack surface on a Bolt app: one module per surface (commands, actions, direct messages, App
 * Home), each a listener, and one dispatcher that drops repeated deliveries and hands each request to its
 * surface's listener.
 *
 * Why one dispatcher and not `app.command`, `app.action` and two `app.event`s: Bolt runs every registered
 * listener's matchers for every request, each through its own chain of promises, so each listener added
 * CPU and garbage to every slash command (four of them: about 40 µs of a 230 µs request, bench/slack.ts).
 * The dispatch below makes the same choices Bolt's matchers made, once.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';
import { actionListener } from './actions';
import { commandListener } from './commands';
import { firstDelivery } from './dedupe';
import type { ListenerDeps } from './deps';
import { homeListener } from './home';
import { messageListener } from './messages';

export type { ListenerDeps } from './deps';

export function register(app: App, deps: ListenerDeps): void {
  const onCommand = commandListener(deps);
  const onAction = actionListener(deps);
  const onMessage = messageListener(deps);
  const onHome = homeListener(deps);
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    // First: duplicates must be dropped before any listener can act on them.
    if (!(await firstDelivery(args, deps))) return;
    if ('command' in args) return onCommand(args);
    if ('action' in args) return onAction(args);
    if ('event' in args && args.event.type === 'message') return onMessage(args as Parameters<typeof onMessage>[0]);
    if ('event' in args && args.event.type === 'app_home_opened') return onHome(args as Parameters<typeof onHome>[0]);
    // Not ours (shortcuts, view submissions, other events): Bolt acks events itself, and as before
    // nothing listens for the rest.
    await args.next();
  });
}

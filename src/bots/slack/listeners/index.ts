/** Registers every Slack surface on a Bolt app: one module per surface, plus the global dedupe. */
import type { App } from '@slack/bolt';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerDedupe } from './dedupe';
import type { ListenerDeps } from './deps';
import { registerHome } from './home';
import { registerMessages } from './messages';

export type { ListenerDeps } from './deps';

export function register(app: App, deps: ListenerDeps): void {
  // First: duplicates must be dropped before any listener can act on them.
  registerDedupe(app, deps);
  registerCommands(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
}

/** The Discord renderer keeps the shared renderer contract for every reply the real core produces. */
import { describeRendererContract } from '../contract/rendererContract';
import { coreReplyFixtures } from '../contract/replyFixtures';
import { replyToDiscordMessages, type DiscordMessage } from '../../src/bots/discord/render';
import { buttonsOf, canPing, limitViolations, visibleText } from '../helpers/discordMessages';

describeRendererContract<DiscordMessage>(
  { name: 'Discord', render: replyToDiscordMessages, visibleText, limitViolations, buttonsOf, canPing },
  coreReplyFixtures,
);

/** The Slack renderer keeps the shared renderer contract for every reply shape the real core produces. */
import { describeRendererContract } from '../contract/rendererContract';
import { coreReplyFixtures } from '../contract/replyFixtures';
import { replyToSlackMessages, type SlackMessage } from '../../src/bots/slack/render';
import { buttonsOf, canPing, limitViolations, visibleText } from '../helpers/slackBlocks';

describeRendererContract<SlackMessage>(
  { name: 'Slack', render: replyToSlackMessages, visibleText, limitViolations: (m) => limitViolations(m), buttonsOf, canPing },
  coreReplyFixtures,
);

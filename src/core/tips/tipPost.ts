/**
 * What a posted tip looks like: the topic it is about as its heading, the tip, the article section it rests
 * on, and two buttons (another tip, what to learn next). Posted to a channel or a DM, so it is `public`: the
 * platform's own audience (the channel, or the person alone in a DM) is who sees it.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Tip } from '../../knowledge/schema';
import { sourceBlock } from '../answers/format';
import { about, reply, type Block, type Button, type Reply } from '../reply';

export const ANOTHER_TIP_BUTTON: Button = { label: 'Another tip', actionId: 'tip', value: '' };
export const LEARN_NEXT_BUTTON: Button = { label: 'What should I learn next?', actionId: 'next', value: '' };

/** The topic a tip is about, by name; tips without a topic are about the path in general. */
export function tipTopicName(kb: KnowledgeBase, tip: Tip): string {
  return (tip.topic && kb.topicById.get(tip.topic)?.name) || 'The ML engineer path';
}

export function tipPost(kb: KnowledgeBase, tip: Tip, reason?: string): Reply {
  const blocks: Block[] = [{ type: 'heading', text: `Daily tip: ${tipTopicName(kb, tip)}` }];
  if (reason) blocks.push({ type: 'text', text: reason });
  blocks.push({ type: 'text', text: tip.text }, sourceBlock(tip.source), { type: 'buttons', buttons: [ANOTHER_TIP_BUTTON, LEARN_NEXT_BUTTON] });
  return about(reply(blocks, 'public'), { intent: 'daily-tip', topics: tip.topic ? [tip.topic] : [] });
}

/** Asked once, after five personal tips in a row went without a word from the person. */
export function keepTipsQuestion(): Reply {
  return about(
    reply(
      [
        { type: 'text', text: 'You have had five daily tips without writing to me in between. Should I keep them coming?' },
        {
          type: 'buttons',
          buttons: [
            { label: 'Keep them coming', actionId: 'tips', value: 'keep', style: 'primary' },
            { label: 'Less often (once a week)', actionId: 'tips', value: 'less' },
            { label: 'Stop the tips', actionId: 'tips', value: 'off', style: 'danger' },
          ],
        },
      ],
      'public',
    ),
    { intent: 'tips-keep-question', topics: [] },
  );
}

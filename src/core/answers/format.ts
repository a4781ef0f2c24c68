/** Small pieces shared by the answer builders. */
import { ARTICLE_TITLE, type Source, type Topic } from '../../knowledge/schema';
import type { Block, Button } from '../reply';
import type { EffectiveStatus } from '../engine/skillGraph';

export function sourceBlock(...sources: Source[]): Block {
  const sections = [...new Set(sources.map((s) => s.section))];
  return { type: 'source', text: `Source: "${ARTICLE_TITLE}", ${sections.length > 1 ? 'sections' : 'section'} ${sections.map((s) => `"${s}"`).join(', ')}` };
}

export const STATUS_LABEL: Record<EffectiveStatus, string> = {
  done: '[done]',
  assumed: '[known from your background]',
  learning: '[learning]',
  skipped: '[skipped]',
  todo: '[to do]',
};

/** The buttons that move a topic along: shown under every topic-centred answer. */
export function topicButtons(topic: Topic, status: EffectiveStatus): Button[] {
  const buttons: Button[] = [];
  if (status !== 'done' && status !== 'assumed') buttons.push({ label: 'Mark done', actionId: 'done', value: topic.id, style: 'primary' });
  if (status !== 'learning') buttons.push({ label: 'I am learning it', actionId: 'learning', value: topic.id });
  if (status !== 'skipped' && status !== 'done' && status !== 'assumed') buttons.push({ label: 'Skip it', actionId: 'skip', value: topic.id });
  return buttons;
}

/** "About PyTorch": asks the mentor about one topic. */
export const aboutButton = (topic: Topic): Button => ({ label: `About ${topic.name}`, actionId: 'ask', value: topic.id });

export const NEXT_BUTTON: Button = { label: 'Next step', actionId: 'next', value: '' };
/** Runs `path`, whose answer carries the roadmap picture. */
export const ROADMAP_BUTTON: Button = { label: 'Show my roadmap', actionId: 'path', value: '' };
export const TIP_BUTTON: Button = { label: 'Another tip', actionId: 'tip', value: '' };
export const SETUP_BUTTON: Button = { label: 'Set up my path', actionId: 'profile', value: '', style: 'primary' };

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The skill graph seen through one learner's profile: what each topic's status is, taking their
 * background's assumptions into account, and what each topic unlocks.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Topic } from '../../knowledge/schema';
import type { Profile } from '../profile/profile';

/** `assumed`: known through the learner's background, never stated. */
export type EffectiveStatus = 'done' | 'assumed' | 'learning' | 'skipped' | 'todo';

export function effectiveStatus(kb: KnowledgeBase, profile: Profile, topicId: string): EffectiveStatus {
  const record = profile.topics[topicId];
  if (record) return record.status;
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  return background?.assumedKnown.includes(topicId) ? 'assumed' : 'todo';
}

/** Done, assumed and skipped topics no longer block what depends on them. */
export const isSettled = (status: EffectiveStatus) => status === 'done' || status === 'assumed' || status === 'skipped';

/** Another topic of the same choice group is settled, so this one is optional (one language is enough). */
export function choiceMade(kb: KnowledgeBase, profile: Profile, topic: Topic): boolean {
  if (!topic.choiceGroup) return false;
  return kb.topics.some((t) => t.id !== topic.id && t.choiceGroup === topic.choiceGroup && isSettled(effectiveStatus(kb, profile, t.id)));
}

export function unlockedBy(kb: KnowledgeBase, topicId: string): Topic[] {
  return kb.topics.filter((t) => t.prerequisites.includes(topicId));
}

export function prerequisitesMet(kb: KnowledgeBase, profile: Profile, topic: Topic): boolean {
  return topic.prerequisites.every((p) => isSettled(effectiveStatus(kb, profile, p)));
}

export interface PathEntry {
  topic: Topic;
  status: EffectiveStatus;
}

export function pathView(kb: KnowledgeBase, profile: Profile): PathEntry[] {
  return kb.topics.map((topic) => ({ topic, status: effectiveStatus(kb, profile, topic.id) }));
}

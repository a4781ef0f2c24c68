/**
 * The skill graph seen through one learner's profile: what each topic's status is, taking their
 * background's assumptions into account, and what each topic unlocks.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Topic } from '../../knowledge/schema';
import type { Profile } from '../profile/profile';

/** `assumed`: known without being stated, through the learner's background or a later topic they know. */
export type EffectiveStatus = 'done' | 'assumed' | 'learning' | 'skipped' | 'todo';

const statusCache = new WeakMap<Profile, Map<string, EffectiveStatus>>();

/**
 * Every topic's status for one profile. Stated statuses win; then the background's assumptions; and a
 * topic someone knows or is learning implies its prerequisites ("I know PyTorch" means the ML framework
 * basics and code are behind them), unless they said otherwise.
 */
export function statusMap(kb: KnowledgeBase, profile: Profile): Map<string, EffectiveStatus> {
  const cached = statusCache.get(profile);
  if (cached) return cached;
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const statuses = new Map<string, EffectiveStatus>();
  for (const topic of kb.topics) {
    const record = profile.topics[topic.id];
    statuses.set(topic.id, record ? record.status : background?.assumedKnown.includes(topic.id) ? 'assumed' : 'todo');
  }
  const imply = (id: string) => {
    for (const prerequisite of kb.topicById.get(id)?.prerequisites ?? []) {
      if (statuses.get(prerequisite) === 'assumed') continue;
      // A stated status stands, but what lies below it is still implied.
      if (!profile.topics[prerequisite]) statuses.set(prerequisite, 'assumed');
      imply(prerequisite);
    }
  };
  // Only what the learner stated implies more; a background's assumptions are exactly what they say.
  for (const [id, record] of Object.entries(profile.topics)) if (record.status === 'done' || record.status === 'learning') imply(id);
  statusCache.set(profile, statuses);
  return statuses;
}

export function effectiveStatus(kb: KnowledgeBase, profile: Profile, topicId: string): EffectiveStatus {
  return statusMap(kb, profile).get(topicId) ?? 'todo';
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

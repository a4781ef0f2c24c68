/**
 * The skill graph seen through one learner's profile: what each topic's status is, taking their
 * background's assumptions and what they know into account, and what each topic unlocks.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Topic } from '../../knowledge/schema';
import type { Profile } from '../profile/profile';
import { EngineMemo, engineKey } from './engineKey';
import { stepPassed } from './position';

/** `assumed`: known without being stated, through the learner's background or a topic they know. */
export type EffectiveStatus = 'done' | 'assumed' | 'learning' | 'skipped' | 'todo';

const statusCache = new WeakMap<Profile, ReadonlyMap<string, EffectiveStatus>>();
/** Across profile objects: many learners (every new one) have the same statuses. */
const statusMemo = new EngineMemo<ReadonlyMap<string, EffectiveStatus>>();

/** Known for the purpose of moving on: stated done, or assumed. */
export const isKnown = (status: EffectiveStatus | undefined) => status === 'done' || status === 'assumed';

/**
 * Every topic's status for one profile. Stated statuses win; then the background's assumptions; and a
 * topic someone knows or is learning implies its prerequisites and what it `implies` ("I know PyTorch"
 * means the framework basics, code and Python are behind them), unless they said otherwise. An implied
 * topic that is one of several alternatives is not assumed when the learner stated another one ("I know
 * R and TensorFlow" does not make them a Python programmer).
 */
export function statusMap(kb: KnowledgeBase, profile: Profile): ReadonlyMap<string, EffectiveStatus> {
  let statuses = statusCache.get(profile);
  if (!statuses) {
    statuses = statusMemo.get(kb, engineKey(profile, false), () => computeStatusMap(kb, profile));
    statusCache.set(profile, statuses);
  }
  return statuses;
}

/** Without the memo (the tests compare the two). */
export function computeStatusMap(kb: KnowledgeBase, profile: Profile): Map<string, EffectiveStatus> {
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const statuses = new Map<string, EffectiveStatus>();
  for (const topic of kb.topics) {
    const record = profile.topics[topic.id];
    statuses.set(topic.id, record ? record.status : background?.assumedKnown.includes(topic.id) ? 'assumed' : 'todo');
  }
  const alternativeTaken = (id: string) =>
    (kb.choiceOf.get(id)?.anyOf ?? []).some((other) => other !== id && (isKnown(statuses.get(other)) || statuses.get(other) === 'learning'));
  const imply = (id: string, seen: Set<string>, since: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const topic = kb.topicById.get(id);
    if (!topic) return;
    for (const below of [...topic.prerequisites, ...topic.implies]) {
      const isImplication = !topic.prerequisites.includes(below);
      if (isImplication && alternativeTaken(below)) continue;
      // A stated status stands, but what lies below it is still implied; a "don't know" said before the
      // learner went on to know what builds on it is out of date ("no coding", later "did a Python course").
      const stated = profile.topics[below];
      const outdated = stated?.status === 'todo' && stated.updatedAt < since;
      if ((!stated || outdated) && (statuses.get(below) === 'todo' || outdated)) statuses.set(below, 'assumed');
      imply(below, seen, since);
    }
  };
  // Only what the learner stated implies more; a background's assumptions are exactly what they say.
  const seen = new Set<string>();
  for (const [id, record] of Object.entries(profile.topics)) if (record.status === 'done' || record.status === 'learning') imply(id, seen, record.updatedAt);
  // What lies before the furthest point the learner reached is behind them (see position.ts), except what they said they do not know.
  const passed = stepPassed(kb, profile);
  kb.stages.forEach((stage, stageIndex) =>
    stage.steps.forEach((step, stepIndex) => {
      if (!('all' in step) || !passed(stageIndex, stepIndex)) return;
      for (const id of step.all) if (!profile.topics[id] && statuses.get(id) === 'todo') statuses.set(id, 'assumed');
    }),
  );
  return statuses;
}

export function effectiveStatus(kb: KnowledgeBase, profile: Profile, topicId: string): EffectiveStatus {
  return statusMap(kb, profile).get(topicId) ?? 'todo';
}

/** Done, assumed and skipped topics no longer block what depends on them. */
export const isSettled = (status: EffectiveStatus) => status === 'done' || status === 'assumed' || status === 'skipped';

/** Another alternative of this topic's `anyOf` step is known, so this one is optional (one language is enough). */
export function choiceMade(kb: KnowledgeBase, profile: Profile, topic: Topic): boolean {
  const step = kb.choiceOf.get(topic.id);
  return !!step && step.anyOf.some((id) => id !== topic.id && isKnown(effectiveStatus(kb, profile, id)));
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

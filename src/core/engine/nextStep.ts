/**
 * The next-step engine: a pure, deterministic function of the knowledge base and one profile.
 * It follows the article's path (code, frameworks, pre-trained models, AutoML, MLOps, cloud, job market),
 * moves a learner's background and goal focus forward once their prerequisites are met, and explains why.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Topic } from '../../knowledge/schema';
import type { Profile } from '../profile/profile';
import { choiceMade, effectiveStatus, prerequisitesMet, unlockedBy } from './skillGraph';

export interface Recommendation {
  topic: Topic;
  /** True when the learner is already learning this topic: the advice is to keep going. */
  continuing: boolean;
  /** Why this topic, why now: each line a reason. */
  reasons: string[];
  /** Topics that list this one as a prerequisite. */
  unlocks: Topic[];
  /** What the engine would recommend once this one is done. */
  after?: Topic;
}

export type NextStep = { kind: 'recommendation'; recommendation: Recommendation } | { kind: 'complete' };

function focusOf(kb: KnowledgeBase, profile: Profile): string[] {
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const goal = kb.goals.find((g) => g.id === profile.goal?.id);
  return [...(goal?.focus ?? []), ...(background?.focus ?? [])];
}

/** Open topics whose prerequisites are met, best first: focus topics, then the article's path order. */
export function rankCandidates(kb: KnowledgeBase, profile: Profile): Topic[] {
  const focus = focusOf(kb, profile);
  const rank = (t: Topic) => {
    const f = focus.indexOf(t.id);
    return f === -1 ? kb.topics.length + kb.pathIndex.get(t.id)! : f;
  };
  return kb.topics
    // A focus topic stays a candidate even when another of its choice group is known (Java developers add Python).
    .filter((t) => effectiveStatus(kb, profile, t.id) === 'todo' && prerequisitesMet(kb, profile, t) && (focus.includes(t.id) || !choiceMade(kb, profile, t)))
    .sort((a, b) => rank(a) - rank(b));
}

export function nextStep(kb: KnowledgeBase, profile: Profile): NextStep {
  const learning = kb.topics.filter((t) => effectiveStatus(kb, profile, t.id) === 'learning');
  const candidates = rankCandidates(kb, profile);
  const topic = learning[0] ?? candidates[0];
  if (!topic) return { kind: 'complete' };

  const continuing = learning[0] === topic;
  const hypothetical: Profile = {
    ...profile,
    topics: { ...profile.topics, [topic.id]: { status: 'done', previous: 'none', updatedAt: profile.updatedAt } },
  };
  const after = kb.topics.find((t) => effectiveStatus(kb, hypothetical, t.id) === 'learning') ?? rankCandidates(kb, hypothetical)[0];
  return {
    kind: 'recommendation',
    recommendation: { topic, continuing, reasons: reasonsFor(kb, profile, topic, continuing), unlocks: unlockedBy(kb, topic.id), after },
  };
}

function reasonsFor(kb: KnowledgeBase, profile: Profile, topic: Topic, continuing: boolean): string[] {
  const reasons: string[] = [];
  if (continuing) reasons.push(`You are learning ${topic.name} now: finishing it beats starting something new.`);
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const goal = kb.goals.find((g) => g.id === profile.goal?.id);
  if (goal?.focus.includes(topic.id)) reasons.push(`It serves your goal: ${goal.name}.`);
  if (background?.focus.includes(topic.id)) reasons.push(`With your background (${background.name}), this is where to put your energy.`);
  if (background) reasons.push(background.advice);
  const met = topic.prerequisites.map((p) => kb.topicById.get(p)!.name);
  if (met.length > 0 && prerequisitesMet(kb, profile, topic)) reasons.push(`You have what it builds on: ${met.join(', ')}.`);
  else if (met.length === 0 && !continuing) reasons.push('It needs nothing before it: the path to ML engineering begins here.');
  reasons.push(topic.whyItMatters);
  return reasons;
}

/**
 * The next-step engine: a pure, deterministic function of the knowledge base and one profile.
 * It walks the article's stages (code, frameworks, pre-trained models, AutoML, MLOps and data engineering,
 * the cloud, the job market): a stage is behind the learner once each step is "enough to move on" (any one
 * language, any one deep-learning framework...). The goal and background move their focus topics forward
 * once those topics' prerequisites are met. It explains why.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Topic } from '../../knowledge/schema';
import { setTopicStatus, type Profile } from '../profile/profile';
import { EngineMemo, engineKey } from './engineKey';
import { choiceMade, effectiveStatus, prerequisitesMet, unlockedBy } from './skillGraph';
import { focusOf, stageView, stagesView, type StepView } from './stages';

export interface Recommendation {
  topic: Topic;
  /** True when the learner is already learning this topic: the advice is to keep going. */
  continuing: boolean;
  /** Why this topic, why now: each line a reason. */
  reasons: string[];
  /** When the topic is one of several alternatives: all of them, and what the choice is. */
  choice?: { label: string; options: Topic[] };
  /** Alternatives and deeper topics of the stage: worth knowing, never the next step. */
  alsoWorth: Topic[];
  /** Topics that list this one as a prerequisite. */
  unlocks: Topic[];
  /** What the engine would recommend once this one is done. */
  after?: Topic;
}

export type NextStep = { kind: 'recommendation'; recommendation: Recommendation } | { kind: 'complete' };

interface Candidate {
  topic: Topic;
  choice?: Extract<StepView, { kind: 'anyOf' }>;
  why: 'continuing' | 'goal' | 'background' | 'path';
}

const isOpen = (kb: KnowledgeBase, profile: Profile, t: Topic) => effectiveStatus(kb, profile, t.id) === 'todo' && prerequisitesMet(kb, profile, t);

function chooseTopic(kb: KnowledgeBase, profile: Profile): Candidate | undefined {
  const learning = kb.topics.find((t) => effectiveStatus(kb, profile, t.id) === 'learning');
  if (learning) return { topic: learning, why: 'continuing' };
  const focus = focusOf(kb, profile);
  // Goal focus first. A goal never reopens a choice already made; a background may (the data says so).
  for (const id of focus.goal) {
    const t = kb.topicById.get(id);
    if (t && isOpen(kb, profile, t) && !choiceMade(kb, profile, t)) return { topic: t, why: 'goal' };
  }
  for (const id of focus.background) {
    const t = kb.topicById.get(id);
    if (t && isOpen(kb, profile, t)) return { topic: t, why: 'background' };
  }
  for (const view of stagesView(kb, profile)) {
    if (view.complete) continue;
    for (const step of view.steps) {
      if (step.kind === 'all') {
        const open = step.open.find((t) => isOpen(kb, profile, t));
        if (open) return { topic: open, why: 'path' };
        if (step.open.length > 0) break;
      } else if (!step.satisfied) {
        const option = step.options.find((t) => isOpen(kb, profile, t));
        if (option) return { topic: option, choice: step, why: 'path' };
        break;
      }
    }
  }
  return undefined;
}

/** Frozen: one answer is handed to every learner with the same key, so no caller may change it. */
const nextStepMemo = new EngineMemo<NextStep>();

export function nextStep(kb: KnowledgeBase, profile: Profile): NextStep {
  return nextStepMemo.get(kb, engineKey(profile, true), () => freeze(computeNextStep(kb, profile)));
}

function freeze(step: NextStep): NextStep {
  if (step.kind === 'recommendation') {
    const { recommendation } = step;
    for (const list of [recommendation.reasons, recommendation.alsoWorth, recommendation.unlocks, recommendation.choice?.options]) if (list) Object.freeze(list);
    if (recommendation.choice) Object.freeze(recommendation.choice);
    Object.freeze(recommendation);
  }
  return Object.freeze(step);
}

/** The engine without the memo (the tests compare the two). */
export function computeNextStep(kb: KnowledgeBase, profile: Profile): NextStep {
  const candidate = chooseTopic(kb, profile);
  if (!candidate) return { kind: 'complete' };
  const { topic } = candidate;
  const hypothetical = setTopicStatus(profile, topic.id, 'done', new Date(profile.updatedAt));
  const after = chooseTopic(kb, hypothetical)?.topic;
  const view = stageView(kb, profile, kb.stageOf.get(topic.id)!);
  const choiceStep = candidate.choice ?? view.steps.find((s): s is Extract<StepView, { kind: 'anyOf' }> => s.kind === 'anyOf' && s.options.includes(topic));
  const choice = choiceStep && !choiceStep.satisfied ? { label: choiceStep.label, options: choiceStep.options } : undefined;
  return {
    kind: 'recommendation',
    recommendation: {
      topic,
      continuing: candidate.why === 'continuing',
      reasons: reasonsFor(kb, profile, candidate, choice),
      choice,
      alsoWorth: view.alsoWorth.filter((t) => t !== topic),
      unlocks: unlockedBy(kb, topic.id),
      after,
    },
  };
}

/**
 * "What comes after X": the next step once X's stage, and every stage before it, is behind the learner.
 * People name a stage by its main topic ("after MLOps") and ask about the path's order, not their gaps.
 */
export function nextStepAfter(kb: KnowledgeBase, profile: Profile, topicId: string, options: { onlyItsStage?: boolean } = {}): NextStep {
  const at = new Date(profile.updatedAt);
  let hypothetical = setTopicStatus(profile, topicId, 'done', at);
  const last = kb.stages.indexOf(kb.stageOf.get(topicId)!);
  // `onlyItsStage`: for this learner, a tool learned outside ML (Spark, Airflow) closes its own stage only.
  const first = options.onlyItsStage ? last : 0;
  for (const stage of kb.stages.slice(first, last + 1)) {
    for (const step of stageView(kb, hypothetical, stage).steps) {
      const ids = step.kind === 'all' ? step.open.map((t) => t.id) : step.satisfied ? [] : [step.options[0]!.id];
      for (const id of ids) if (!hypothetical.topics[id] || hypothetical.topics[id]!.status === 'todo') hypothetical = setTopicStatus(hypothetical, id, 'done', at);
    }
  }
  // What the learner is learning now would come first; "after X" asks about the path beyond X.
  const withoutLearning: Profile = {
    ...hypothetical,
    topics: Object.fromEntries(Object.entries(hypothetical.topics).filter(([, r]) => r.status !== 'learning')),
  };
  return nextStep(kb, withoutLearning);
}

function reasonsFor(kb: KnowledgeBase, profile: Profile, candidate: Candidate, choice: Recommendation['choice']): string[] {
  const { topic } = candidate;
  const reasons: string[] = [];
  if (candidate.why === 'continuing') reasons.push(`You are learning ${topic.name} now: finishing it beats starting something new.`);
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const goal = kb.goals.find((g) => g.id === profile.goal?.id);
  if (goal?.focus.includes(topic.id)) reasons.push(`It serves your goal: ${goal.name}.`);
  if (background?.focus.includes(topic.id)) reasons.push(`With your background (${background.name}), this is where to put your energy.`);
  if (choice) {
    const others = choice.options.filter((t) => t !== topic).map((t) => t.name);
    reasons.push(`You need ${choice.label}, not all of them: ${topic.name} is my pick for you; ${others.join(' or ')} would do as well.`);
  }
  if (background) reasons.push(background.advice);
  const met = topic.prerequisites.map((p) => kb.topicById.get(p)!.name);
  if (met.length > 0 && prerequisitesMet(kb, profile, topic)) reasons.push(`You have what it builds on: ${met.join(', ')}.`);
  else if (met.length === 0 && candidate.why !== 'continuing') reasons.push('It needs nothing before it: the path to ML engineering begins here.');
  reasons.push(topic.whyItMatters);
  return dedupeSentences(reasons);
}

/** Drops a reason whose sentences all appeared already: background advice and a topic often cite the same line. */
export function dedupeSentences(lines: string[]): string[] {
  const seen = new Set<string>();
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return lines.filter((line) => {
    const sentences = line.split(/(?<=[.!?])\s+/).map(key).filter(Boolean);
    const fresh = sentences.some((s) => !seen.has(s));
    sentences.forEach((s) => seen.add(s));
    return fresh;
  });
}

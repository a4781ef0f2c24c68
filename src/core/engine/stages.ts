/**
 * The article's path in stages, seen through one profile: which steps are behind the learner, which are
 * open, and which topics are alternatives ("also worth knowing") rather than steps.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Stage, Topic } from '../../knowledge/schema';
import type { Profile } from '../profile/profile';
import { stepPassed } from './position';
import { effectiveStatus, isKnown, isSettled } from './skillGraph';

export type StepView =
  | { kind: 'all'; topics: Topic[]; open: Topic[] }
  /** `chosen`: the alternative the learner knows; `options`: all of them, in preference order. */
  | { kind: 'anyOf'; label: string; options: Topic[]; chosen?: Topic; satisfied: boolean };

export interface StageView {
  stage: Stage;
  steps: StepView[];
  complete: boolean;
  /** Alternatives of steps already satisfied, and the stage's deeper topics still open. */
  alsoWorth: Topic[];
}

const topicsOf = (kb: KnowledgeBase, ids: string[]) => ids.map((id) => kb.topicById.get(id)!);

/** Preference inside a choice: the learner's focus (goal first, then background), then the file's order. */
export function focusOf(kb: KnowledgeBase, profile: Profile): { goal: string[]; background: string[] } {
  const goal = kb.goals.find((g) => g.id === profile.goal?.id)?.focus ?? [];
  const background = kb.backgrounds.find((b) => b.id === profile.background)?.focus ?? [];
  return { goal, background };
}

export function stageView(kb: KnowledgeBase, profile: Profile, stage: Stage): StageView {
  const status = (t: Topic) => effectiveStatus(kb, profile, t.id);
  // A later step reached implies a choice made here, unless the learner said they lack every option.
  const passedStep = stepPassed(kb, profile);
  const stageIndex = kb.stages.indexOf(stage);
  const { goal, background } = focusOf(kb, profile);
  const preference = [...goal, ...background];
  const alsoWorth: Topic[] = [];
  const steps = stage.steps.map((step, stepIndex): StepView => {
    const passed = passedStep(stageIndex, stepIndex);
    if ('all' in step) {
      const topics = topicsOf(kb, step.all);
      return { kind: 'all', topics, open: topics.filter((t) => !isSettled(status(t))) };
    }
    const rank = (t: Topic) => {
      const p = preference.indexOf(t.id);
      return p === -1 ? preference.length + step.anyOf.indexOf(t.id) : p;
    };
    const options = topicsOf(kb, step.anyOf).sort((a, b) => rank(a) - rank(b));
    const chosen = options.find((t) => isKnown(status(t)));
    // Every alternative skipped leaves nothing to choose: the step no longer blocks the path.
    const deniedAll = options.every((t) => profile.topics[t.id]?.status === 'todo');
    const satisfied = !!chosen || options.every((t) => status(t) === 'skipped') || (passed && !deniedAll && !options.some((t) => status(t) === 'learning'));
    if (chosen) alsoWorth.push(...options.filter((t) => t !== chosen && !isSettled(status(t))));
    return { kind: 'anyOf', label: step.label, options, chosen, satisfied };
  });
  alsoWorth.push(...topicsOf(kb, stage.deeper).filter((t) => !isSettled(status(t))));
  const complete = steps.every((s) => (s.kind === 'all' ? s.open.length === 0 : s.satisfied));
  return { stage, steps, complete, alsoWorth };
}

export function stagesView(kb: KnowledgeBase, profile: Profile): StageView[] {
  return kb.stages.map((stage) => stageView(kb, profile, stage));
}

/**
 * Where on the path a learner has got to. The path is walked in order, so what someone knows of a later
 * step puts the earlier steps behind them ("done with AutoML" means code and a framework), and the
 * stage's main topic stands for the whole stage ("I have frameworks down"; the article: with the code
 * basics mastered, "the next step" is frameworks).
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Profile } from '../profile/profile';

const STEPS_PER_STAGE = 100;

/** A topic's place: stage, then step inside the stage (deeper topics count as the stage's end). */
export function positionOf(kb: KnowledgeBase, topicId: string): number {
  const stage = kb.stageOf.get(topicId);
  if (!stage) return -1;
  const step = stage.steps.findIndex((s) => ('all' in s ? s.all : s.anyOf).includes(topicId));
  // A deeper topic ("hyperparameter tuning") reaches its stage, not beyond it.
  return kb.stages.indexOf(stage) * STEPS_PER_STAGE + Math.max(0, step);
}

/** The stage's main topic: the first of its first step (Code fundamentals, ML & DL frameworks, MLOps...). */
export const isStageMainTopic = (kb: KnowledgeBase, topicId: string) => {
  const first = kb.stageOf.get(topicId)?.steps[0];
  return !!first && 'all' in first && first.all[0] === topicId;
};

/**
 * Whether a stage's step is behind the learner because of what they know further along: a topic known
 * puts the earlier steps of its own stage behind them (the whole stage, for its main topic), and, unless
 * it is also learned outside ML (Airflow, the cloud), every earlier stage.
 */
const passedCache = new WeakMap<Profile, (stageIndex: number, stepIndex: number) => boolean>();

export function stepPassed(kb: KnowledgeBase, profile: Profile): (stageIndex: number, stepIndex: number) => boolean {
  const cached = passedCache.get(profile);
  if (cached) return cached;
  let earlierStagesBefore = -1;
  const withinStage = new Map<number, number>();
  for (const [id, record] of Object.entries(profile.topics)) {
    if (record.status !== 'done' && record.status !== 'learning') continue;
    const stageIndex = kb.stages.indexOf(kb.stageOf.get(id)!);
    const position = record.status === 'done' && isStageMainTopic(kb, id) ? (stageIndex + 1) * STEPS_PER_STAGE : positionOf(kb, id);
    withinStage.set(stageIndex, Math.max(withinStage.get(stageIndex) ?? -1, position));
    if (!kb.topicById.get(id)?.standalone) earlierStagesBefore = Math.max(earlierStagesBefore, position);
  }
  const passed = (stageIndex: number, stepIndex: number) => {
    const position = stageIndex * STEPS_PER_STAGE + stepIndex;
    return position < earlierStagesBefore || position < (withinStage.get(stageIndex) ?? -1);
  };
  passedCache.set(profile, passed);
  return passed;
}

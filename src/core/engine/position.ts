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

/** Every step before this position is behind the learner. */
export function reachedPosition(kb: KnowledgeBase, profile: Profile): number {
  let reached = -1;
  for (const [id, record] of Object.entries(profile.topics)) {
    // Tools people also learn outside ML (Airflow, the cloud) say nothing about the ML steps before them.
    if ((record.status !== 'done' && record.status !== 'learning') || kb.topicById.get(id)?.standalone) continue;
    const stageEnd = (kb.stages.indexOf(kb.stageOf.get(id)!) + 1) * STEPS_PER_STAGE;
    reached = Math.max(reached, record.status === 'done' && isStageMainTopic(kb, id) ? stageEnd : positionOf(kb, id));
  }
  return reached;
}

/** The position of a stage's step, to compare with `reachedPosition`. */
export const stepPosition = (stageIndex: number, stepIndex: number) => stageIndex * STEPS_PER_STAGE + stepIndex;

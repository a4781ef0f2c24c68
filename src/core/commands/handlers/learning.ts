/** `next`, `path`, `progress`: where the learner stands and where to go. */
import { completeReply, nextStepReply, pathReply, progressReply } from '../../answers/topics';
import { nextStep } from '../../engine/nextStep';
import type { Reply } from '../../reply';
import type { Session } from '../../session';
import type { CommandHandler } from './types';

export function nextStepFor(session: Session): Reply {
  const step = nextStep(session.kb, session.profile);
  return step.kind === 'complete' ? completeReply() : nextStepReply(session.kb, session.profile, step.recommendation);
}

export const next: CommandHandler = async (session) => nextStepFor(session);
export const path: CommandHandler = async (session) => pathReply(session.kb, session.profile);
export const progress: CommandHandler = async (session) => progressReply(session.kb, session.profile);

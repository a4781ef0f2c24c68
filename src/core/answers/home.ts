/** The learner's home surface (Slack App Home): a first-visit welcome, progress and the next step. */
import type { KnowledgeBase } from '../../knowledge/load';
import { nextStep } from '../engine/nextStep';
import type { Profile } from '../profile/profile';
import { combine, reply, type Button, type Reply } from '../reply';
import { SETUP_BUTTON, TIP_BUTTON } from './format';
import { profileSummary } from './profile';
import { completeReply, nextStepReply, progressReply } from './topics';

/** Subscribes the person to personal daily tips (in their timezone, 09:00, Mon-Fri). */
export const DAILY_TIPS_BUTTON: Button = { label: 'Daily tips', actionId: 'tips', value: 'on' };

export function homeReply(kb: KnowledgeBase, profile: Profile, firstVisit: boolean): Reply {
  const welcome = firstVisit
    ? [
        reply([
          { type: 'heading', text: 'Welcome to ML Engineer Mentor' },
          {
            type: 'text',
            text: 'I tell you what to learn next on the way to becoming a Machine Learning Engineer and keep track of your progress. Write to me in the Messages tab, or use /mentor anywhere.',
          },
          { type: 'buttons', buttons: [SETUP_BUTTON, TIP_BUTTON] },
        ]),
      ]
    : [];
  const step = nextStep(kb, profile);
  return combine(
    ...welcome,
    reply([profileSummary(kb, profile)]),
    progressReply(kb, profile),
    step.kind === 'complete' ? completeReply() : nextStepReply(kb, profile, step.recommendation),
    reply([
      { type: 'text', text: 'Daily tips: a short tip in your DMs on weekday mornings, about where you are on the path ("tips off" stops them).' },
      { type: 'buttons', buttons: [DAILY_TIPS_BUTTON] },
    ]),
  );
}

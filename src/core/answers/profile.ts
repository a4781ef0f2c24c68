/** Answers about the learner: the profile view and the onboarding questions. */
import type { KnowledgeBase } from '../../knowledge/load';
import { answerValue } from '../conversation/onboarding';
import type { OnboardingStep } from '../conversation/state';
import { pathView } from '../engine/skillGraph';
import type { Profile } from '../profile/profile';
import { reply, type Block, type Button, type Reply } from '../reply';
import { listNames } from './format';

export function profileSummary(kb: KnowledgeBase, profile: Profile): Block {
  const background = kb.backgrounds.find((b) => b.id === profile.background);
  const known = pathView(kb, profile).filter((e) => e.status === 'done' || e.status === 'assumed');
  return {
    type: 'fields',
    fields: [
      { label: 'Background', value: background?.name ?? 'not set' },
      { label: 'Goal', value: profile.goal?.text ?? 'not set' },
      { label: 'Known topics', value: known.length > 0 ? listNames(known.map((e) => e.topic.name)) : 'none yet' },
    ],
  };
}

const leaveButtons = (step: OnboardingStep): Button[] => [
  { label: 'Skip question', actionId: 'answer', value: answerValue(step, 'skip') },
  { label: 'Stop setup', actionId: 'answer', value: answerValue(step, 'stop'), style: 'danger' },
];

/** The common starting points offered as buttons when asking what a learner already knows. */
const COMMON_KNOWN = ['python', 'r-and-julia', 'java-dotnet-javascript', 'ml-frameworks', 'tensorflow', 'pytorch', 'mlops', 'cloud-computing'];

export function onboardingQuestion(kb: KnowledgeBase, step: OnboardingStep, known: string[] = [], background?: string): Reply {
  const assumed = kb.backgrounds.find((b) => b.id === background)?.assumedKnown ?? [];
  switch (step) {
    case 'background':
      return reply([
        { type: 'heading', text: 'Setup 1 of 3: your background' },
        { type: 'text', text: 'Which describes you best? Pick one or tell me in your own words (for example "I am a Java developer"). Type "skip" or "stop" at any time.' },
        { type: 'buttons', buttons: kb.backgrounds.map((b) => ({ label: b.name, actionId: 'answer', value: answerValue('background', b.id) })) },
        { type: 'buttons', buttons: leaveButtons('background') },
      ]);
    case 'known': {
      const open = COMMON_KNOWN.filter((id) => kb.topicById.has(id) && !known.includes(id) && !assumed.includes(id));
      return reply([
        { type: 'heading', text: 'Setup 2 of 3: what you already know' },
        {
          type: 'text',
          text: `Press every topic you already know, then "Done", or list them (for example "Python and TensorFlow").${known.length > 0 ? ` So far: ${listNames(known.map((id) => kb.topicById.get(id)!.name))}.` : ''}`,
        },
        { type: 'buttons', buttons: open.map((id) => ({ label: kb.topicById.get(id)!.name, actionId: 'answer', value: answerValue('known', id) })) },
        { type: 'buttons', buttons: [{ label: 'Done', actionId: 'answer', value: answerValue('known', 'done'), style: 'primary' }, ...leaveButtons('known')] },
      ]);
    }
    case 'goal':
      return reply([
        { type: 'heading', text: 'Setup 3 of 3: your goal' },
        { type: 'text', text: 'What do you want to get out of this? Pick one or write your own.' },
        { type: 'buttons', buttons: kb.goals.map((g) => ({ label: g.name, actionId: 'answer', value: answerValue('goal', g.id) })) },
        { type: 'buttons', buttons: leaveButtons('goal') },
      ]);
  }
}

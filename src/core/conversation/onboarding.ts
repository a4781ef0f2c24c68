/**
 * The guided onboarding as a pure state machine: background, then what you know (several answers), then
 * your goal. `advance` takes the state and one answer and returns the new state (or none when finished)
 * plus the profile changes; storing and replying are the caller's job.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { AliasIndex } from '../understanding/aliasIndex';
import { normalize } from '../understanding/text';
import type { ConversationState, OnboardingStep } from './state';

export interface OnboardingChanges {
  background?: string;
  known?: string[];
  goal?: { id?: string; text: string };
}

export type OnboardingOutcome =
  /** The answer was taken; `state` is the next question, or undefined when the setup is complete. */
  | { kind: 'advanced'; state?: ConversationState; changes: OnboardingChanges; noted: string[] }
  /** The learner left the setup (stop). */
  | { kind: 'left' }
  /** The answer could not be understood for this question; the state is unchanged. */
  | { kind: 'unrecognized' };

const LEAVE = /^(stop|cancel|quit|exit|leave|end|abort|stop setup|never ?mind)$/;
const SKIP = /^(skip|pass|next question|skip (it|this|question)|don't know|dont know|not sure|no idea)$/;
const NOTHING_MORE = /^(done|that's all|thats all|that is all|nothing|none|no|nope|nothing else|no more|finished|all done|that's it|thats it)$/;

export function startOnboarding(now: Date): ConversationState {
  return { schemaVersion: 1, flow: 'onboarding', step: 'background', known: [], startedAt: now.toISOString() };
}

const nextStepAfter = (step: OnboardingStep): OnboardingStep | undefined =>
  step === 'background' ? 'known' : step === 'known' ? 'goal' : undefined;

function moveOn(state: ConversationState, changes: OnboardingChanges, noted: string[]): OnboardingOutcome {
  const step = nextStepAfter(state.step);
  return { kind: 'advanced', state: step ? { ...state, step } : undefined, changes, noted };
}

/**
 * @param viaButton a button answers one thing at a time; in the "known" step it adds a topic and stays,
 *   so several buttons can be pressed before "Done".
 */
export function advance(
  state: ConversationState,
  answer: string,
  viaButton: boolean,
  kb: KnowledgeBase,
  aliases: AliasIndex,
): OnboardingOutcome {
  const text = normalize(answer);
  if (LEAVE.test(text)) return { kind: 'left' };
  if (SKIP.test(text)) return moveOn(state, state.step === 'known' ? { known: state.known } : {}, []);

  switch (state.step) {
    case 'background': {
      const background =
        kb.backgrounds.find((b) => b.id === text.replace(/ /g, '-')) ??
        kb.backgrounds.find((b) => b.id === aliases.find(text).find((m) => m.kind === 'background')?.id);
      if (!background) return { kind: 'unrecognized' };
      return moveOn(state, { background: background.id }, [background.name]);
    }
    case 'known': {
      if (NOTHING_MORE.test(text)) return moveOn(state, { known: state.known }, []);
      const byId = kb.topicById.get(text.replace(/ /g, '-'));
      const topics = byId ? [byId.id] : aliases.topics(text);
      if (topics.length === 0) return { kind: 'unrecognized' };
      const known = [...new Set([...state.known, ...topics])];
      const noted = topics.map((id) => kb.topicById.get(id)!.name);
      if (viaButton) return { kind: 'advanced', state: { ...state, known }, changes: { known }, noted };
      return moveOn({ ...state, known }, { known }, noted);
    }
    case 'goal': {
      const goal =
        kb.goals.find((g) => g.id === text.replace(/ /g, '-')) ??
        kb.goals.find((g) => g.id === aliases.find(text).find((m) => m.kind === 'goal')?.id);
      if (goal) return moveOn(state, { goal: { id: goal.id, text: goal.name } }, [goal.name]);
      // Any other goal is welcome in the learner's own words.
      const own = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
      return moveOn(state, { goal: { text: own } }, [own]);
    }
  }
}

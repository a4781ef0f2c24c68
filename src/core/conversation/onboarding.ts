/**
 * The guided onboarding as a pure state machine: background, then what you know (several answers), then
 * your goal. `advance` takes the state and one answer and returns the new state (or none when finished)
 * plus the profile changes; storing and replying are the caller's job.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { isQuestion, type Understander } from '../understanding/understand';
import { normalize } from '../understanding/text';
import type { ConversationState, OnboardingStep } from './state';

export interface OnboardingChanges {
  background?: string;
  known?: string[];
  /** "I don't know Python": recorded so a background's assumption does not claim it. */
  notKnown?: string[];
  goal?: { id?: string; text: string };
}

/** Setup buttons carry their question, so a stale button cannot answer a later question. */
export const answerValue = (step: OnboardingStep, value: string) => `${step}:${value}`;

export type OnboardingOutcome =
  /** The answer was taken; `state` is the next question, or undefined when the setup is complete. */
  | { kind: 'advanced'; state?: ConversationState; changes: OnboardingChanges; noted: string[] }
  /** The learner left the setup (stop). */
  | { kind: 'left' }
  /** The answer could not be understood for this question; the state is unchanged. */
  | { kind: 'unrecognized' }
  /** A button of an earlier question was pressed; the state is unchanged. */
  | { kind: 'stale' };

const LEAVE = /^(stop|cancel|quit|exit|leave|end|abort|stop setup|never ?mind)$/;
const SKIP = /^(skip|pass|next question|skip (it|this|question)|don't know|dont know|not sure|no idea)$/;
const NOTHING_MORE =
  /^(done|that's all|thats all|that is all|nothing|none|no|nope|nothing else|no more|finished|all done|that's it|thats it|nothing really|not really|none really|nothing yet|none yet|not much|nothing much|not yet|nada|zero|none of them|none of those)$/;

export function startOnboarding(now: Date): ConversationState {
  return { schemaVersion: 1, flow: 'onboarding', step: 'background', known: [], startedAt: now.toISOString() };
}

const nextStepAfter = (step: OnboardingStep): OnboardingStep | undefined =>
  step === 'background' ? 'known' : step === 'known' ? 'goal' : undefined;

function moveOn(state: ConversationState, changes: OnboardingChanges, noted: string[]): OnboardingOutcome {
  const step = nextStepAfter(state.step);
  return { kind: 'advanced', state: step ? { ...state, step } : undefined, changes, noted };
}

/** Intents that mean the learner asked something instead of answering. */
const ASKING = new Set(['help', 'greeting', 'thanks', 'next', 'after', 'path', 'progress', 'compare', 'why', 'how-long', 'resources', 'more', 'option', 'tools-for-task', 'explain', 'roles', 'too-long']);

/**
 * @param viaButton a button answers one thing at a time; in the "known" step it adds a topic and stays,
 *   so several buttons can be pressed before "Done".
 */
export function advance(
  state: ConversationState,
  answer: string,
  viaButton: boolean,
  kb: KnowledgeBase,
  understander: Understander,
): OnboardingOutcome {
  let value = answer;
  if (viaButton) {
    const separator = answer.indexOf(':');
    if (separator < 0 || answer.slice(0, separator) !== state.step) return { kind: 'stale' };
    value = answer.slice(separator + 1);
  }
  const text = normalize(value);
  if (text === '') return { kind: 'unrecognized' };
  if (LEAVE.test(text)) return { kind: 'left' };
  if (SKIP.test(text)) return moveOn(state, state.step === 'known' ? { known: state.known } : {}, []);
  const aliases = understander.aliasIndex;

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
      if (byId) {
        const known = [...new Set([...state.known, byId.id])];
        const next = { ...state, known };
        return viaButton ? { kind: 'advanced', state: next, changes: { known }, noted: [byId.name] } : moveOn(next, { known }, [byId.name]);
      }
      if (isQuestion(value)) return { kind: 'unrecognized' };
      // "Python and TensorFlow, but not PyTorch": what is denied is not known.
      const { statements } = understander.understand(value);
      const named = aliases.topics(text).filter((id) => !statements.notKnown.includes(id));
      if (named.length === 0 && statements.notKnown.length === 0) return { kind: 'unrecognized' };
      const known = [...new Set([...state.known, ...named])];
      return moveOn({ ...state, known }, { known, notKnown: statements.notKnown }, named.map((id) => kb.topicById.get(id)!.name));
    }
    case 'goal': {
      const goal =
        kb.goals.find((g) => g.id === text.replace(/ /g, '-')) ??
        kb.goals.find((g) => g.id === aliases.find(text).find((m) => m.kind === 'goal')?.id);
      if (goal) return moveOn(state, { goal: { id: goal.id, text: goal.name } }, [goal.name]);
      // Any other goal is welcome in the learner's own words, but a question or a command is not a goal.
      if (viaButton || text.length < 3 || isQuestion(value) || ASKING.has(understander.understand(value).intent)) return { kind: 'unrecognized' };
      const own = value.replace(/\s+/g, ' ').trim().slice(0, 200);
      return moveOn(state, { goal: { text: own } }, [own]);
    }
  }
}

/** `profile` shows the learner's profile and starts the guided setup; `answer` takes its answers. */
import { onboardingQuestion, profileSummary } from '../../answers/profile';
import { advance, startOnboarding, type OnboardingChanges } from '../../conversation/onboarding';
import { setTopicStatus } from '../../profile/profile';
import { combine, errorReply, reply, type Reply } from '../../reply';
import type { Session } from '../../session';
import { answerText } from './ask';
import { nextStepFor } from './learning';
import type { CommandHandler } from './types';

export const profile: CommandHandler = async (session) => {
  const state = startOnboarding(session.now);
  session.setConversation(state);
  return combine(
    reply([{ type: 'heading', text: 'Your profile' }, profileSummary(session.kb, session.profile)]),
    onboardingQuestion(session.kb, state.step),
  );
};

function applyChanges(session: Session, changes: OnboardingChanges): void {
  let p = session.profile;
  if (changes.background) p = { ...p, background: changes.background };
  for (const id of changes.known ?? []) p = setTopicStatus(p, id, 'done', session.now);
  for (const id of changes.notKnown ?? []) p = setTopicStatus(p, id, 'todo', session.now);
  if (changes.goal) p = { ...p, goal: changes.goal };
  session.update(p);
}

/** One answer to the current setup question, from a button or typed text. */
export async function answerOnboarding(session: Session, text: string, viaButton: boolean): Promise<Reply | undefined> {
  const { conversations, understander } = session.deps;
  const stored = await conversations.get(session.userId);
  if (!stored) return undefined;
  // Topics removed from the knowledge base since the state was saved are dropped, not trusted.
  const state = { ...stored, known: stored.known.filter((id) => session.kb.topicById.has(id)) };
  const question = () => onboardingQuestion(session.kb, state.step, state.known, session.profile.background);
  const outcome = advance(state, text, viaButton, session.kb, understander);
  switch (outcome.kind) {
    case 'stale':
      return combine(reply([{ type: 'text', text: 'That button belongs to an earlier setup question. Here is the current one:' }]), question());
    case 'left':
      session.setConversation(null);
      return reply([{ type: 'text', text: 'Setup stopped. What you already told me is kept; type "profile" to continue some other time.' }]);
    case 'unrecognized': {
      // A question asked mid-setup is answered, then the setup question comes back.
      const understood = viaButton ? undefined : understander.understand(text);
      const answer = !understood || understood.intent === 'out-of-scope' ? undefined : await answerText(session, text);
      const note = reply([{ type: 'text', text: answer ? 'Back to your setup:' : "I didn't catch that answer. Pick a button, write it in your own words, or type \"skip\"." }]);
      return combine(...(answer ? [answer] : []), note, question());
    }
    case 'advanced': {
      applyChanges(session, outcome.changes);
      const noted = outcome.noted.length > 0 ? [reply([{ type: 'text', text: `Noted: ${outcome.noted.join(', ')}.` }])] : [];
      if (outcome.state) {
        session.setConversation(outcome.state);
        return combine(...noted, onboardingQuestion(session.kb, outcome.state.step, outcome.state.known, session.profile.background));
      }
      session.setConversation(null);
      return combine(
        ...noted,
        reply([{ type: 'text', text: 'Your profile is set up. Here is where I would start:' }, profileSummary(session.kb, session.profile)]),
        nextStepFor(session),
      );
    }
  }
}

export const answer: CommandHandler = async (session, args) => {
  const result = await answerOnboarding(session, args.answer ?? '', true);
  return result ?? errorReply('That setup question has expired. Type "profile" to start the setup again.');
};

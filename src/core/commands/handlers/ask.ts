/**
 * `ask` and free text: understand the message, apply what it states about the learner, then answer
 * its question. Never invents: no match means a friendly out-of-scope note.
 */
import { explanationReply, greetingReply, helpReply, outOfScopeReply, rolesReply, thanksReply, toolsReply, tooLongReply } from '../../answers/general';
import { listNames } from '../../answers/format';
import { topicReply, pathReply, progressReply } from '../../answers/topics';
import { setTopicStatus } from '../../profile/profile';
import { combine, reply, type Reply } from '../../reply';
import type { Session } from '../../session';
import type { Statements } from '../../understanding/understand';
import { MAX_MESSAGE_LENGTH } from '../../understanding/text';
import { nextStepFor } from './learning';
import type { CommandHandler } from './types';

/** Applies "I know X / I'm learning Y / I'm a data scientist" to the profile and says what was noted. */
function applyStatements(session: Session, s: Statements): string[] {
  const { kb } = session;
  let profile = session.profile;
  const noted: string[] = [];
  const names = (ids: string[]) => listNames(ids.map((id) => kb.topicById.get(id)!.name));
  for (const id of s.known) profile = setTopicStatus(profile, id, 'done', session.now);
  for (const id of s.learning) profile = setTopicStatus(profile, id, 'learning', session.now);
  for (const id of s.notKnown) profile = setTopicStatus(profile, id, 'todo', session.now);
  if (s.known.length > 0) noted.push(`you know ${names(s.known)}`);
  if (s.learning.length > 0) noted.push(`you are learning ${names(s.learning)}`);
  if (s.notKnown.length > 0) noted.push(`${names(s.notKnown)} ${s.notKnown.length > 1 ? 'are' : 'is'} still ahead of you`);
  if (s.background && s.background !== profile.background) {
    profile = { ...profile, background: s.background };
    noted.push(`your background: ${kb.backgrounds.find((b) => b.id === s.background)!.name}`);
  }
  if (s.goal && s.goal !== profile.goal?.id) {
    const goal = kb.goals.find((g) => g.id === s.goal)!;
    profile = { ...profile, goal: { id: goal.id, text: goal.name } };
    noted.push(`your goal: ${goal.name}`);
  }
  session.update(profile);
  return noted;
}

export async function answerText(session: Session, text: string): Promise<Reply> {
  const { kb } = session;
  const u = session.deps.understander.understand(text);
  const noted = applyStatements(session, u.statements);
  const preface = noted.length > 0 ? [reply([{ type: 'text', text: `Noted: ${noted.join('; ')}.` }])] : [];
  const answer = (): Reply => {
    switch (u.intent) {
      case 'too-long':
        return tooLongReply(MAX_MESSAGE_LENGTH);
      case 'help':
        return helpReply();
      case 'greeting':
        return greetingReply();
      case 'thanks':
        return thanksReply();
      case 'roles':
        return rolesReply(u.roles.slice(0, 3).map((id) => kb.roles.find((r) => r.id === id)!));
      case 'next':
      case 'statement':
        return nextStepFor(session);
      case 'path':
        return pathReply(kb, session.profile);
      case 'progress':
        return progressReply(kb, session.profile);
      case 'compare-roles': {
        const explanation = kb.explanations.find((e) => e.id === 'ml-engineer-vs-data-scientist');
        return explanation ? explanationReply(kb, explanation) : rolesReply(u.roles.map((id) => kb.roles.find((r) => r.id === id)!));
      }
      case 'tools-for-task':
        return toolsReply(u.topics.slice(0, 5).map((id) => kb.topicById.get(id)!));
      case 'explain': {
        if (u.topics.length > 0) return combine(...u.topics.slice(0, 2).map((id) => topicReply(kb, session.profile, kb.topicById.get(id)!)));
        const hit = u.hits[0]!;
        if (hit.kind === 'topic') return topicReply(kb, session.profile, kb.topicById.get(hit.id)!);
        return explanationReply(kb, kb.explanations.find((e) => e.id === hit.id)!);
      }
      case 'out-of-scope':
        return outOfScopeReply();
    }
  };
  return combine(...preface, answer());
}

export const ask: CommandHandler = async (session, args) => {
  const question = args.question ?? '';
  // A button may carry a bare topic id ("About PyTorch"): answer about that topic directly.
  const topic = session.kb.topicById.get(question);
  if (topic) return topicReply(session.kb, session.profile, topic);
  return answerText(session, question);
};

export const help: CommandHandler = async () => helpReply();

/**
 * `ask` and free text: understand the message, apply what it states about the learner, then answer
 * its question with the updated profile. Follow-ups ("why?", "and after that?") resolve against the
 * dialogue context. Never invents: no match means a friendly out-of-scope note.
 */
import { afterReply, compareReply, howLongReply, resourcesReply, whichTopicReply, whyReply } from '../../answers/dialogue';
import { listNames } from '../../answers/format';
import { explanationReply, greetingReply, helpReply, outOfScopeReply, rolesReply, thanksReply, toolsReply, tooLongReply } from '../../answers/general';
import { topicReply, pathReply, progressReply } from '../../answers/topics';
import { setTopicStatus } from '../../profile/profile';
import { about, combine, reply, type Reply } from '../../reply';
import type { Session } from '../../session';
import type { Statements } from '../../understanding/understand';
import { clean, MAX_MESSAGE_LENGTH } from '../../understanding/text';
import { readTipsWish } from '../../understanding/tipsWish';
import { followUp, referredTopic, topicsOf } from './followUp';
import { nextStepFor } from './learning';
import { tip } from './tip';
import { tips } from './tips';
import type { CommandHandler } from './types';

/** Applies "I know X / I'm learning Y / I'm a data scientist" to the profile and says what was noted. */
function applyStatements(session: Session, s: Statements): string[] {
  const { kb } = session;
  let profile = session.profile;
  const noted: string[] = [];
  const names = (ids: string[]) => listNames(ids.map((id) => kb.topicById.get(id)!.name));
  if (s.background && s.background !== profile.background) {
    profile = { ...profile, background: s.background };
    noted.push(`your background: ${kb.backgrounds.find((b) => b.id === s.background)!.name}${s.experienceYears ? ` (${s.experienceYears} years)` : ''}`);
  }
  for (const id of s.known) profile = setTopicStatus(profile, id, 'done', session.now);
  for (const id of s.learning) profile = setTopicStatus(profile, id, 'learning', session.now);
  for (const id of s.notKnown) profile = setTopicStatus(profile, id, 'todo', session.now);
  if (s.known.length > 0) noted.push(`you know ${names(s.known)}`);
  if (s.learning.length > 0) noted.push(`you are learning ${names(s.learning)}`);
  if (s.notKnown.length > 0) noted.push(`${names(s.notKnown)} ${s.notKnown.length > 1 ? 'are' : 'is'} still ahead of you`);
  if (s.goal && s.goal !== profile.goal?.id) {
    const goal = kb.goals.find((g) => g.id === s.goal)!;
    profile = { ...profile, goal: { id: goal.id, text: goal.name } };
    noted.push(`your goal: ${goal.name}`);
  }
  session.update(profile);
  return noted;
}

/** "Noted: ...", with the way to correct it. */
function notedReply(noted: string[], s: Statements, session: Session): Reply {
  const example = s.known[0] ? session.kb.topicById.get(s.known[0])!.name : undefined;
  const fix = example ? ` Not right? Write "I don't know ${example}" or "undo ${s.known[0]}".` : '';
  return reply([{ type: 'text', text: `Noted: ${noted.join('; ')}.${fix}` }]);
}

export async function answerText(session: Session, text: string): Promise<Reply> {
  const { kb } = session;
  let u = session.deps.understander.understand(text, !!session.dialogue);
  if (session.dialogue?.intent === 'tips' && u.intent === 'out-of-scope') {
    // Right after an answer about the tips: "make it weekends only", "stop them", "pause for a week".
    const wish = readTipsWish(clean(text).toLowerCase(), text, false, true);
    if (wish?.kind === 'tips') u = { ...u, intent: 'tips', tipsSettings: wish.settings };
  }
  const noted = applyStatements(session, u.statements);
  const preface = noted.length > 0 ? [notedReply(noted, u.statements, session)] : [];
  const profile = () => session.profile;
  const answer = async (): Promise<Reply> => {
    switch (u.intent) {
      case 'tip':
        return tip(session, {});
      case 'tips':
        return tips(session, { settings: u.tipsSettings });
      case 'too-long':
        return tooLongReply(MAX_MESSAGE_LENGTH);
      case 'help':
        return helpReply();
      case 'greeting':
        return greetingReply();
      case 'thanks':
        return thanksReply();
      case 'option':
        return whichTopicReply('That option is no longer shown.');
      case 'roles':
        return rolesReply(u.roles.slice(0, 3).map((id) => kb.roles.find((r) => r.id === id)!));
      case 'next':
      case 'statement':
        return nextStepFor(session);
      case 'after': {
        const topic = referredTopic(session, u);
        return topic ? afterReply(kb, profile(), topic) : nextStepFor(session);
      }
      case 'why': {
        const topic = referredTopic(session, u);
        return topic ? whyReply(kb, profile(), topic) : whichTopicReply('Why what?');
      }
      case 'more': {
        const topic = referredTopic(session, u);
        return topic ? topicReply(kb, profile(), topic) : whichTopicReply('Tell you more about what?');
      }
      case 'resources': {
        const topic = referredTopic(session, u);
        return topic ? resourcesReply(topic) : whichTopicReply('Resources for which topic?');
      }
      case 'done-that': {
        const topic = referredTopic(session, u);
        if (!topic) return whichTopicReply('Done with what?');
        session.update(setTopicStatus(session.profile, topic.id, 'done', session.now));
        return combine(reply([{ type: 'text', text: `Nice work: ${topic.name} is marked done.` }]), nextStepFor(session));
      }
      case 'how-long':
        return howLongReply(kb, profile());
      case 'path':
        return pathReply(kb, profile());
      case 'progress':
        return progressReply(kb, profile());
      case 'compare': {
        const topics = topicsOf(session, u.topics);
        if (topics.length >= 2) return compareReply(kb, profile(), topics);
        const explanation = kb.explanations.find((e) => e.id === 'ml-engineer-vs-data-scientist')!;
        const classic = u.roles.length === 0 || u.roles.every((r) => r === 'ml-engineer' || r === 'data-scientist');
        return classic ? explanationReply(kb, explanation) : rolesReply(u.roles.slice(0, 3).map((id) => kb.roles.find((r) => r.id === id)!));
      }
      case 'tools-for-task': {
        const task = kb.tasks.find((t) => t.id === u.tasks[0]);
        const named = topicsOf(session, u.topics);
        // "tools for data pipelines" lists the job's tools; "what is airflow used for" explains the tool named.
        if (task && !named.some((t) => task.tools.includes(t.id))) {
          // The answer is about the job's own topic too: the stage its tools belong to ("data pipelines": MLOps).
          const stageMain = kb.stageOf.get(task.tools[0]!)!.steps[0]!;
          const main = 'all' in stageMain ? stageMain.all[0]! : stageMain.anyOf[0]!;
          return toolsReply(topicsOf(session, task.tools), task, topicsOf(session, [...named.map((t) => t.id), main]));
        }
        if (named.length === 0) return whichTopicReply('Tools for what?');
        // One tool asked about is explained in full; several are listed side by side.
        if (named.length === 1) return topicReply(kb, profile(), named[0]!);
        return toolsReply(named.slice(0, 5));
      }
      case 'explain': {
        if (u.refersBack) {
          const topic = referredTopic(session, u);
          return topic ? topicReply(kb, profile(), topic) : outOfScopeReply();
        }
        if (u.topics.length > 0) return combine(...topicsOf(session, u.topics.slice(0, 2)).map((t) => topicReply(kb, profile(), t)));
        const hit = u.hits[0]!;
        if (hit.kind === 'topic') return topicReply(kb, profile(), kb.topicById.get(hit.id)!);
        return explanationReply(kb, kb.explanations.find((e) => e.id === hit.id)!);
      }
      case 'out-of-scope':
        return outOfScopeReply();
    }
  };
  const answered = followUp(session, u, text) ?? (await answer());
  return about(combine(...preface, answered), { ...(answered.about ?? { topics: [] }), intent: answered.about?.intent ?? u.intent });
}

export const ask: CommandHandler = async (session, args) => {
  const question = args.question ?? '';
  // A button may carry a bare topic id ("About PyTorch"): answer about that topic directly.
  const topic = session.kb.topicById.get(question);
  if (topic) return topicReply(session.kb, session.profile, topic);
  return answerText(session, question);
};

export const help: CommandHandler = async () => helpReply();

/**
 * Follow-ups: what a message refers to when it names no topic ("why?", "resources for it"), and the
 * short questions that only make sense against the last answer ("any startups tho?", "the other one?").
 */
import type { Topic } from '../../../knowledge/schema';
import { compareReply, howLongReply } from '../../answers/dialogue';
import { explanationReply, rolesReply, toolsReply } from '../../answers/general';
import { topicReply } from '../../answers/topics';
import type { Reply } from '../../reply';
import type { Session } from '../../session';
import type { Understanding } from '../../understanding/understand';

export const topicsOf = (session: Session, ids: string[]): Topic[] => ids.map((id) => session.kb.topicById.get(id)).filter((t): t is Topic => !!t);

/** The topic a follow-up points at: named in the message, else the last answer's next step or subject. */
export function referredTopic(session: Session, u: Understanding): Topic | undefined {
  const named = topicsOf(session, u.topics)[0];
  if (named) return named;
  const context = session.dialogue;
  return topicsOf(session, [context?.next, ...(context?.topics ?? [])].filter((id): id is string => !!id))[0];
}

/** Short questions that only make sense against the last answer: "any startups tho?", "the other one?", "why that before mlops?". */
export function followUp(session: Session, u: Understanding, text: string): Reply | undefined {
  const context = session.dialogue;
  if (!context) return undefined;
  const { kb } = session;
  const short = text.split(/\s+/).length <= 10;
  const last = topicsOf(session, [context.next, ...context.topics].filter((id): id is string => !!id))[0];
  if (last && u.topics.length === 0 && /\bthe other( one)?\b/i.test(text)) {
    const other = kb.choiceOf.get(last.id)?.anyOf.find((id) => id !== last.id) ?? context.topics.find((id) => id !== last.id);
    if (other) return topicReply(kb, session.profile, kb.topicById.get(other)!);
  }
  if (u.intent === 'why' && last && u.topics.length === 1 && u.topics[0] !== last.id && /\b(before|first|instead|over|rather|not)\b/i.test(text)) {
    return compareReply(kb, session.profile, [last, kb.topicById.get(u.topics[0]!)!]);
  }
  if (u.intent === 'tools-for-task' && u.tasks.length === 0 && u.topics.length === 0 && last) {
    // "what tools?" after MLOps: the tools the article names for that stage's job.
    const task = kb.tasks.find((t) => t.tools.some((id) => kb.stageOf.get(id) === kb.stageOf.get(last.id)));
    if (task) return toolsReply(topicsOf(session, task.tools), task, [last]);
  }
  // "just give me a rough number, like 6 months?" after a how-long answer is still the same question.
  if (context.intent === 'how-long' && /\b(months?|years?|weeks?|number|estimate|ballpark|roughly|rough|guess|approximately)\b/i.test(text)) return howLongReply(kb, session.profile);
  const unresolved = u.intent === 'out-of-scope' || (u.intent === 'explain' && u.refersBack && u.topics.length === 0);
  if (!unresolved || !short) return undefined;
  // Ask again about the same subject: the last explanation, role or kind of answer.
  if (context.intent === 'how-long') return howLongReply(kb, session.profile);
  const explanation = kb.explanations.find((e) => context.subjects.includes(e.id));
  if (explanation) return explanationReply(kb, explanation);
  const roles = kb.roles.filter((r) => context.subjects.includes(r.id));
  if (roles.length > 0) return rolesReply(roles);
  if (last) return topicReply(kb, session.profile, last);
  return undefined;
}


/** `done`, `learning`, `skip`, `undo`: move a topic along the learner's path. */
import type { Topic } from '../../../knowledge/schema';
import { listNames, STATUS_LABEL } from '../../answers/format';
import { effectiveStatus } from '../../engine/skillGraph';
import { setTopicStatus, undoTopicStatus, type TopicStatus } from '../../profile/profile';
import { combine, errorReply, reply, type Reply } from '../../reply';
import type { Session } from '../../session';
import { nextStepFor } from './learning';
import type { CommandArgs, CommandHandler } from './types';

/** The topics a command names ("pytorch", "r and julia, and the java stuff"), or a friendly error. */
export function resolveTopicArgs(session: Session, args: CommandArgs): Topic[] | Reply {
  const text = args.topic ?? '';
  const ids = session.deps.understander.aliasIndex.resolveTopics(text);
  if (ids) return ids.map((id) => session.kb.topicById.get(id)!);
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return errorReply(`I don't know the topic "${shown}". Try a name from your path, for example: pytorch, automl, mlops (see "path").`);
}

const CONFIRM: Record<Exclude<TopicStatus, 'todo'>, (names: string, many: boolean) => string> = {
  done: (names, many) => `Nice work: ${names} ${many ? 'are' : 'is'} marked done.`,
  learning: (names) => `Noted: you are learning ${names}.`,
  skipped: (names) => `Skipped ${names}. You can bring ${names.includes(' and ') ? 'them' : 'it'} back with "undo".`,
};

const setStatus =
  (status: Exclude<TopicStatus, 'todo'>): CommandHandler =>
  async (session, args) => {
    const topics = resolveTopicArgs(session, args);
    if (!Array.isArray(topics)) return topics;
    let profile = session.profile;
    for (const topic of topics) profile = setTopicStatus(profile, topic.id, status, session.now);
    session.update(profile);
    return combine(reply([{ type: 'text', text: CONFIRM[status](listNames(topics.map((t) => t.name)), topics.length > 1) }]), nextStepFor(session));
  };

export const done = setStatus('done');
export const learning = setStatus('learning');
export const skip = setStatus('skipped');

export const undo: CommandHandler = async (session, args) => {
  const topics = resolveTopicArgs(session, args);
  if (!Array.isArray(topics)) return topics;
  if (topics.length > 1) return errorReply('Undo one topic at a time, for example "undo pytorch".');
  const topic = topics[0]!;
  const record = session.profile.topics[topic.id];
  if (!record) {
    if (effectiveStatus(session.kb, session.profile, topic.id) === 'assumed') {
      // Known only through the background: undo means "I don't actually know it".
      session.update({ ...session.profile, topics: { ...session.profile.topics, [topic.id]: { status: 'todo', previous: 'none', updatedAt: session.now.toISOString() } } });
      return combine(reply([{ type: 'text', text: `Understood: ${topic.name} is back on your path.` }]), nextStepFor(session));
    }
    return errorReply(`There is nothing to undo for ${topic.name}: you have not marked it yet.`);
  }
  session.update(undoTopicStatus(session.profile, topic.id, session.now));
  const now = effectiveStatus(session.kb, session.profile, topic.id);
  return combine(reply([{ type: 'text', text: `Undone: ${topic.name} is now ${STATUS_LABEL[now].replace(/[[\]]/g, '')}.` }]), nextStepFor(session));
};

/** `done`, `learning`, `skip`, `undo`: move a topic along the learner's path. */
import type { Topic } from '../../../knowledge/schema';
import { STATUS_LABEL } from '../../answers/format';
import { effectiveStatus } from '../../engine/skillGraph';
import { setTopicStatus, undoTopicStatus, type TopicStatus } from '../../profile/profile';
import { combine, errorReply, reply, type Reply } from '../../reply';
import type { Session } from '../../session';
import { nextStepFor } from './learning';
import type { CommandArgs, CommandHandler } from './types';

export function resolveTopicArg(session: Session, args: CommandArgs): Topic | Reply {
  const text = args.topic ?? '';
  const id = session.deps.understander.aliasIndex.resolveTopic(text);
  const topic = id ? session.kb.topicById.get(id) : undefined;
  if (topic) return topic;
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return errorReply(`I don't know the topic "${shown}". Try a name from your path, for example: pytorch, automl, mlops (see "path").`);
}

const CONFIRM: Record<Exclude<TopicStatus, 'todo'>, (name: string) => string> = {
  done: (name) => `Nice work: ${name} is marked done.`,
  learning: (name) => `Noted: you are learning ${name}.`,
  skipped: (name) => `Skipped ${name}. You can bring it back with "undo".`,
};

const setStatus =
  (status: Exclude<TopicStatus, 'todo'>): CommandHandler =>
  async (session, args) => {
    const topic = resolveTopicArg(session, args);
    if (!('id' in topic)) return topic;
    session.update(setTopicStatus(session.profile, topic.id, status, session.now));
    return combine(reply([{ type: 'text', text: CONFIRM[status](topic.name) }]), nextStepFor(session));
  };

export const done = setStatus('done');
export const learning = setStatus('learning');
export const skip = setStatus('skipped');

export const undo: CommandHandler = async (session, args) => {
  const topic = resolveTopicArg(session, args);
  if (!('id' in topic)) return topic;
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

/** `forget` and `export`: the learner owns their data. */
import { reply } from '../../reply';
import type { CommandHandler } from './types';

export const forget: CommandHandler = async (session) => {
  await session.forget();
  return reply([{ type: 'text', text: 'Done: I have deleted everything I stored about you. If you write again, we start fresh.' }]);
};

export const exportData: CommandHandler = async (session) => {
  const conversation = await session.deps.conversations.get(session.userId);
  const data = { profile: session.profile, conversation: conversation ?? null };
  return reply([
    { type: 'heading', text: 'Your data' },
    { type: 'text', text: JSON.stringify(data, null, 2) },
  ]);
};

/** `forget` and `export`: the learner owns their data. */
import { about, errorReply, reply } from '../../reply';
import type { CommandHandler } from './types';

/** Words that confirm the deletion: the confirmation button sends "confirm". */
const CONFIRMS = /^(confirm|yes|y|yes delete|delete|delete everything|yes, delete everything)$/i;

/** `forget` asks first, because it cannot be undone; `forget confirm` (or the button) deletes. */
export const forget: CommandHandler = async (session, args) => {
  const answer = (args.confirm ?? '').trim();
  if (answer !== '' && !CONFIRMS.test(answer)) return errorReply('To delete your data, type "forget confirm" or press the button. Nothing was deleted.');
  if (answer === '') {
    return about(
      reply([
        { type: 'text', text: 'This deletes your progress, background, goal and conversation with me, and cannot be undone. Delete everything?' },
        {
          type: 'buttons',
          buttons: [
            { label: 'Yes, delete everything', actionId: 'forget', value: 'confirm', style: 'danger' },
            { label: 'Keep my data', actionId: 'next', value: '' },
          ],
        },
      ]),
      { intent: 'forget-confirm', topics: [] },
    );
  }
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

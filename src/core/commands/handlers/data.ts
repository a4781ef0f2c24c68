/** `forget` and `export`: the learner owns their data. */
import { about, errorReply, reply } from '../../reply';
import type { Session } from '../../session';
import { isStoreFailure } from '../../storeFailure';
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
        { type: 'text', text: 'This deletes your progress, background, goal, daily tips and conversation with me, and cannot be undone. Delete everything?' },
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
  const data = { profile: session.profile, conversation: conversation ?? null, tips: await tipsData(session) };
  return reply([
    { type: 'heading', text: 'Your data' },
    { type: 'text', text: JSON.stringify(data, null, 2) },
  ]);
};

/** The person's daily tips (with what was sent) and the channel subscriptions they changed last. */
async function tipsData(session: Session): Promise<unknown> {
  const { tips } = session.deps;
  try {
    const personal = await tips.personal(session.userId);
    const sent = await Promise.all(personal.map((s) => tips.getSent(s.id)));
    return { personal, sent: sent.filter(Boolean), channelsYouChangedLast: await tips.channelsChangedBy(session.userId) };
  } catch (error) {
    // Said as it is: "no tips" would be a wrong answer about their data.
    if (isStoreFailure(error)) return 'could not be read just now; ask again in a moment';
    throw error;
  }
}

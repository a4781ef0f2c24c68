/** `tip`: a rotating tip, different users starting at different places. */
import { tipReply } from '../../answers/general';
import type { CommandHandler } from './types';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const tip: CommandHandler = async (session) => {
  const { tips } = session.kb;
  const chosen = tips[(hash(session.userId) + session.profile.tipsShown) % tips.length]!;
  session.update({ ...session.profile, tipsShown: session.profile.tipsShown + 1 });
  return tipReply(chosen);
};

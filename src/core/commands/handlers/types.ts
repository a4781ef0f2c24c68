import type { Reply } from '../../reply';
import type { Session } from '../../session';

export type CommandArgs = Record<string, string | undefined>;
export type CommandHandler = (session: Session, args: CommandArgs) => Promise<Reply>;

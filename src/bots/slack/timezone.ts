/**
 * A Slack user's IANA timezone (users.info `tz`), asked only for the commands that use it (`tips on`):
 * the rest of the mentor never waits on it. Remembered for an hour per user, since people rarely move
 * and the answer must fit in the slash command's 3-second ack. A failure is not an error for the person:
 * the core then uses its default and says which timezone it chose.
 */
import type { Logger } from '../../core/logger';
import { slackErrorCode, type WebClient } from './delivery';

const REMEMBER_MS = 60 * 60 * 1000;
/** Bounded: a flood of distinct users cannot grow memory without limit. */
const MAX_REMEMBERED = 10_000;
/** Well inside the ack deadline, so a slow users.info cannot make the command itself late. */
const LOOKUP_TIMEOUT_MS = 1_000;

export class SlackTimezones {
  private readonly remembered = new Map<string, { tz: string | undefined; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async of(client: WebClient, userId: string, logger: Logger): Promise<string | undefined> {
    const hit = this.remembered.get(userId);
    if (hit && hit.until > this.now()) return hit.tz;
    let tz: string | undefined;
    try {
      const lookup = client.users.info({ user: userId });
      const answer = await Promise.race([lookup, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS).unref())]);
      if (answer === undefined) {
        lookup.catch(() => undefined);
        logger.warn('slack users.info was too slow; the default timezone is used');
        return undefined;
      }
      tz = typeof answer.user?.tz === 'string' ? answer.user.tz : undefined;
    } catch (error) {
      logger.warn('slack users.info failed; the default timezone is used', { code: slackErrorCode(error) });
      return undefined;
    }
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(userId, { tz, until: this.now() + REMEMBER_MS });
    return tz;
  }
}

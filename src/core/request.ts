/**
 * What a front end asks of the core. Adapters only translate their platform's payloads into these.
 */
export type MentorRequest =
  /** A registry command with its raw argument text (`/mentor done pytorch` -> command "done", text "pytorch"). */
  | { kind: 'command'; userId: string; command: string; text: string; share?: boolean; place?: Place }
  /** Free text in a direct conversation with the mentor. */
  | { kind: 'message'; userId: string; text: string; place?: Place }
  /** A button press: `actionId` and `value` come straight from the `Button` the core produced. */
  | { kind: 'action'; userId: string; actionId: string; value: string; place?: Place }
  /** The user opened the mentor's home surface (Slack App Home). */
  | { kind: 'home'; userId: string; place?: Place };

/** The contract every adapter depends on; tests wrap it (e.g. to make it slow). */
export interface MentorService {
  handle(request: MentorRequest): Promise<import('./reply').Reply>;
  /** Topic suggestions for autocomplete: at most `limit`, best first. */
  suggestTopics(query: string, limit?: number): { id: string; name: string }[];
}

/**
 * Where a request was made, for commands whose meaning depends on it (`tips on` subscribes the channel it is
 * typed in, or the person in a DM). Adapters fill what their platform tells them; the core decides.
 */
export interface Place {
  platform: 'slack' | 'discord' | 'console';
  /** The conversation's id: a channel, or the DM with the mentor. Absent on surfaces without one (App Home). */
  channelId?: string;
  /** A direct conversation with the mentor (DM, App Home, console): `tips` there are the person's own. */
  direct: boolean;
  /** The asker's IANA timezone where the platform has one (Slack's user profile); Discord has none. */
  timezone?: string;
  /** Discord: the asker may manage this channel (Manage Channels). Undefined where anyone may (Slack). */
  canManageChannel?: boolean;
}

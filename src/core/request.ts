/**
 * What a front end asks of the core. Adapters only translate their platform's payloads into these.
 */
export type MentorRequest =
  /** A registry command with its raw argument text (`/mentor done pytorch` -> command "done", text "pytorch"). */
  | { kind: 'command'; userId: string; command: string; text: string; share?: boolean }
  /** Free text in a direct conversation with the mentor. */
  | { kind: 'message'; userId: string; text: string }
  /** A button press: `actionId` and `value` come straight from the `Button` the core produced. */
  | { kind: 'action'; userId: string; actionId: string; value: string }
  /** The user opened the mentor's home surface (Slack App Home). */
  | { kind: 'home'; userId: string };

/** The contract every adapter depends on; tests wrap it (e.g. to make it slow). */
export interface MentorService {
  handle(request: MentorRequest): Promise<import('./reply').Reply>;
  /** Topic suggestions for autocomplete: at most `limit`, best first. */
  suggestTopics(query: string, limit?: number): { id: string; name: string }[];
}

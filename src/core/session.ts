/**
 * Everything one request may touch: the knowledge base, the learner's profile (saved once at the end
 * if it changed) and the stores. Handlers receive a Session and return a Reply.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { DialogueContext, DialogueStore } from './conversation/dialogue';
import type { ConversationState, ConversationStore } from './conversation/state';
import type { Logger } from './logger';
import type { Profile } from './profile/profile';
import type { ProfileStore } from './profile/profileStore';
import type { Place } from './request';
import { PLATFORMS } from './tips/model';
import { personSubscriptionId, type SubscriptionStore } from './tips/subscriptionStore';
import type { Understander } from './understanding/understand';

export interface MentorDeps {
  kb: KnowledgeBase;
  understander: Understander;
  profiles: ProfileStore;
  conversations: ConversationStore;
  dialogues: DialogueStore;
  /** Daily tip subscriptions and what was sent (`tips` command, `forget`, `export`). */
  tips: SubscriptionStore;
  logger: Logger;
  /** Deletes what front ends store about a user (e.g. a DM delivery mark), so `forget` leaves nothing. */
  onForget?: (userId: string) => Promise<void>;
}

export class Session {
  private changed = false;
  private forgotten = false;
  /** A conversation change waiting for commit: a new state, or null to end it. */
  private conversation: ConversationState | null | undefined;
  /** The dialogue context to leave for the next message, written at commit. */
  private nextDialogue: DialogueContext | undefined;
  /** What the last answer was about, for follow-ups ("why?", "2"); loaded for direct messages. */
  dialogue: DialogueContext | undefined;
  /** Where the request was made, as the front end told it; absent: a direct conversation (the console). */
  place: Place | undefined;

  private readonly loaded: Profile;

  constructor(
    readonly deps: MentorDeps,
    readonly userId: string,
    readonly now: Date,
    private current: Profile,
    /** The stored record was unreadable and has been reset. */
    readonly recovered: boolean,
  ) {
    this.loaded = current;
  }

  get kb(): KnowledgeBase {
    return this.deps.kb;
  }

  get profile(): Profile {
    return this.current;
  }

  update(next: Profile): void {
    if (next === this.current) return;
    this.current = next;
    this.changed = true;
  }

  /** The conversation's next state (or null to end it), written at commit, after the profile. */
  setConversation(state: ConversationState | null): void {
    this.conversation = state;
  }

  setDialogue(context: DialogueContext): void {
    this.nextDialogue = context;
  }

  /**
   * True when the request asked for a change the person would count on: progress, background, goal, a
   * setup step, or erasure. Bookkeeping (greeted, tips shown) does not count.
   */
  get changesProgress(): boolean {
    const before = this.loaded;
    const after = this.current;
    return (
      this.forgotten ||
      this.conversation !== undefined ||
      JSON.stringify(before.topics) !== JSON.stringify(after.topics) ||
      before.background !== after.background ||
      JSON.stringify(before.goal) !== JSON.stringify(after.goal)
    );
  }

  get hasForgotten(): boolean {
    return this.forgotten;
  }

  /** Deletes everything stored about the user; nothing is saved afterwards. */
  async forget(): Promise<void> {
    this.forgotten = true;
    // Tips first: reading them is what most often fails, and then nothing else has been deleted yet.
    await forgetTips(this.deps.tips, this.userId, this.now);
    await this.deps.profiles.delete(this.userId);
    await this.deps.conversations.clear(this.userId);
    await this.deps.dialogues.clear(this.userId);
    await this.deps.onForget?.(this.userId);
  }

  /**
   * Writes what the request changed: the profile first, then the conversation, so a failed profile write
   * leaves the conversation where it was and the learner can simply answer again.
   */
  async commit(): Promise<void> {
    if (this.forgotten) return;
    if (this.changed) await this.deps.profiles.save(this.current, this.now);
    this.changed = false;
    if (this.conversation === null) await this.deps.conversations.clear(this.userId);
    else if (this.conversation) await this.deps.conversations.set(this.userId, this.conversation);
    this.conversation = undefined;
    if (this.nextDialogue) await this.deps.dialogues.set(this.userId, this.nextDialogue);
    this.nextDialogue = undefined;
  }
}

/**
 * A person's tips go with them: their personal subscriptions and sent records are deleted, and the channel
 * subscriptions they changed last no longer name them (the channel keeps its tips).
 */
async function forgetTips(tips: SubscriptionStore, userId: string, now: Date): Promise<void> {
  for (const subscription of await tips.personal(userId)) await tips.remove(subscription.id);
  // A delivery under way while the subscription was removed may have written a sent record after it.
  for (const platform of PLATFORMS) await tips.removeSent(personSubscriptionId(platform, userId));
  for (const { id } of await tips.channelsChangedBy(userId)) {
    // Read again right before the write: a channel turned off (or changed by someone else) since the scan
    // must not come back from the copy read then.
    const channel = await tips.get(id);
    if (!channel || channel.userId !== userId) continue;
    await tips.put({ ...channel, userId: FORGOTTEN_USER, updatedAt: now.toISOString() });
  }
}

/** Who "last changed" a channel's subscription after that person asked to be forgotten. */
export const FORGOTTEN_USER = 'forgotten';

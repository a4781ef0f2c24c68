/**
 * The mentor: one entry point, `handle(request)`, for every front end. It loads the learner's profile,
 * routes the request (command, free text, button, home), saves what changed and returns a Reply.
 * Requests of one user are handled in order, so two quick messages cannot overwrite each other; the queue
 * is bounded per user, so a flood gets a polite "one at a time" and never delays anyone else.
 * When the store cannot answer, the person still gets the answer that needs no profile, with an honest
 * note, and nothing is written (see storeFailure.ts).
 */
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/load';
import { expectedVisibilityFor, findCommand, PUBLIC_COMMANDS } from './commands/definitions';
import { answerText } from './commands/handlers/ask';
import { answerOnboarding } from './commands/handlers/profile';
import { REGISTRY } from './commands/registry';
import { contextOf, DialogueStore } from './conversation/dialogue';
import { ConversationStore } from './conversation/state';
import { tooLongReply, welcomeReply } from './answers/general';
import { homeReply } from './answers/home';
import { silentLogger, type Logger } from './logger';
import { ProfileStore } from './profile/profileStore';
import { newProfile } from './profile/profile';
import { KeyedQueue, QueueRefusedError, type QueueLimits } from './queue/keyedQueue';
import { combine, errorReply, reply, type Reply } from './reply';
import type { MentorRequest, MentorService, Place } from './request';
import { Session, type MentorDeps } from './session';
import { EMPTY_STATE, UNAVAILABLE_STATE } from './state/emptyState';
import type { StatePort } from './state/statePort';
import { noLock, type UserLock } from './state/userLock';
import { isStoreFailure, NOT_SAVED_TEXT, refusedReply, STORE_DOWN_CHANGE_TEXT, STORE_DOWN_NOTE } from './storeFailure';
import { SubscriptionStore } from './tips/subscriptionStore';
import { looksLikeTipsCommand } from './tips/tipsCommand';
import { Understander } from './understanding/understand';
import { clean, MAX_MESSAGE_LENGTH, normalize } from './understanding/text';

export interface MentorOptions {
  store: StatePort;
  knowledge?: KnowledgeBase;
  logger?: Logger;
  now?: () => Date;
  /** Orders one user's requests across instances; without it, only within this process. */
  lock?: UserLock;
  /** Called by `forget` after the core's own records are deleted: adapters' user-scoped keys go too. */
  onForget?: (userId: string) => Promise<void>;
  /** Per-user queue depth and flood limits (defaults: DEFAULT_QUEUE_LIMITS). */
  queueLimits?: Partial<QueueLimits>;
}

const MAX_USER_ID_LENGTH = 200;
/** Free text that is exactly one of these runs the command, as if typed after /mentor. */
const DM_COMMANDS = new Set(PUBLIC_COMMANDS.map((c) => c.id));

export class Mentor implements MentorService {
  readonly deps: MentorDeps;
  private readonly now: () => Date;
  private readonly queue: KeyedQueue;
  private readonly lock: UserLock;
  /** The same core over a store that holds nothing: for answers while the real store cannot answer. */
  private readonly offlineDeps: MentorDeps;
  /** Every name a topic goes by, normalised once: autocomplete asks on each keystroke. */
  private readonly topicNames: Map<string, string[]>;

  constructor(options: MentorOptions) {
    const kb = options.knowledge ?? loadKnowledgeBase();
    const logger = options.logger ?? silentLogger;
    this.deps = {
      kb,
      understander: new Understander(kb),
      profiles: new ProfileStore(options.store, logger),
      conversations: new ConversationStore(options.store, logger),
      dialogues: new DialogueStore(options.store, logger),
      tips: new SubscriptionStore(options.store, logger),
      logger,
      onForget: options.onForget,
    };
    this.offlineDeps = {
      ...this.deps,
      profiles: new ProfileStore(EMPTY_STATE, logger),
      conversations: new ConversationStore(EMPTY_STATE, logger),
      // Not "no subscriptions": a store that cannot answer, so `tips` says so instead of "tips are off".
      tips: new SubscriptionStore(UNAVAILABLE_STATE, logger),
      onForget: undefined,
    };
    this.now = options.now ?? (() => new Date());
    this.lock = options.lock ?? noLock;
    this.queue = new KeyedQueue(options.queueLimits);
    this.topicNames = new Map(kb.topics.map((t) => [t.id, [t.name, t.id, ...t.aliases].map(normalize)]));
  }

  handle(request: MentorRequest): Promise<Reply> {
    if (!request || typeof request !== 'object') return Promise.resolve(errorReply('I could not read that request, so I changed nothing.'));
    // Invisible characters would make "u2" and "u2\u200b" two different learners.
    const userId = typeof request.userId === 'string' ? clean(request.userId) : '';
    if (userId === '' || userId.length > MAX_USER_ID_LENGTH) return Promise.resolve(errorReply('I could not tell who is asking, so I changed nothing.'));
    // Queued behind the user's previous request so their profile is read after it was written.
    return this.queue.run(userId, () => this.handleLocked(userId, request)).catch((error: unknown) => {
      if (error instanceof QueueRefusedError) return refusedReply(error.reason);
      // Bugs become a friendly answer; the saved profile is untouched.
      this.deps.logger.error('request failed', { user: userId, kind: request.kind, error: String(error) });
      return errorReply('Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.');
    });
  }

  suggestTopics(query: string, limit = 25): { id: string; name: string }[] {
    const q = normalize(query);
    const { kb } = this.deps;
    const scored = kb.topics.map((t) => {
      const names = this.topicNames.get(t.id)!;
      let score = 3;
      if (q === '') score = 2;
      else if (names.some((n) => n.startsWith(q))) score = 0;
      else if (names.some((n) => n.includes(q))) score = 1;
      return { t, score };
    });
    const fuzzy = q === '' ? [] : this.deps.understander.aliasIndex.topics(q);
    return scored
      .map(({ t, score }) => ({ t, score: score === 3 && fuzzy.includes(t.id) ? 1.5 : score }))
      .filter(({ score }) => score < 3)
      .sort((a, b) => a.score - b.score || kb.pathIndex.get(a.t.id)! - kb.pathIndex.get(b.t.id)!)
      .slice(0, Math.max(0, Math.min(limit, 25)))
      .map(({ t }) => ({ id: t.id, name: t.name }));
  }

  /**
   * A store failure before anything was written means the answer is given without the profile; a failure
   * while writing means the person is told it was not saved (never the answer that says it was).
   */
  private async handleLocked(userId: string, request: MentorRequest): Promise<Reply> {
    const now = this.now();
    try {
      return await this.lock(userId, () => this.answerAndSave(userId, request, now));
    } catch (error) {
      if (isStoreFailure(error)) return this.answerWithoutStore(userId, request, now, error);
      throw error;
    }
  }

  /** The same request against a store that holds nothing; a change it would need is refused honestly. */
  private async answerWithoutStore(userId: string, request: MentorRequest, now: Date, error: unknown): Promise<Reply> {
    // Debug only: BoundedState logs the outage itself once, not once per request.
    this.deps.logger.debug('answered without the store', { user: userId, kind: request.kind, reason: error instanceof Error ? error.message : String(error) });
    const session = new Session(this.offlineDeps, userId, now, newProfile(userId, now), false);
    session.place = placeOf(request);
    let answer: Reply;
    try {
      answer = await this.route(session, request);
    } catch (failure) {
      // A part that cannot work without the store (tip subscriptions) fails here too: refused, nothing written.
      if (isStoreFailure(failure)) return errorReply(STORE_DOWN_CHANGE_TEXT);
      throw failure;
    }
    if (answer.error) return answer;
    if (session.changesProgress) return errorReply(STORE_DOWN_CHANGE_TEXT);
    return { ...combine(reply([{ type: 'text', text: STORE_DOWN_NOTE }]), answer), visibility: answer.visibility };
  }

  private async answerAndSave(userId: string, request: MentorRequest, requestTime: Date): Promise<Reply> {
    const loaded = await this.deps.profiles.load(userId, requestTime);
    // One person's requests are in order, and so are their times: what they say now is later than what they
    // said before even within one millisecond ("no coding", then "did a Python course").
    const last = Date.parse(loaded.profile.updatedAt);
    const now = requestTime.getTime() > last ? requestTime : new Date(last + 1);
    const session = new Session(this.deps, userId, now, loaded.profile, loaded.recovered);
    session.place = placeOf(request);
    if (request.kind === 'message') session.dialogue = await this.deps.dialogues.get(userId);
    let answer = await this.route(session, request);
    // Follow-ups resolve against the last answer; an error changes nothing, so it leaves the context as it was.
    if (!answer.error && request.kind !== 'home') session.setDialogue(contextOf(answer, now));
    if (request.kind === 'message' && !session.profile.greeted && !answer.error && !session.hasForgotten) {
      // A newcomer's first message is answered as asked; the setup is only offered beside it.
      session.update({ ...session.profile, greeted: true });
      if (!(await this.deps.conversations.get(userId))) {
        // The setup button once: an answer that already offers it gets the welcome's words only.
        const offersSetup = answer.blocks.some((b) => b.type === 'buttons' && b.buttons.some((x) => x.actionId === 'profile'));
        const welcome = welcomeReply();
        answer = combine(answer, offersSetup ? { ...welcome, blocks: welcome.blocks.filter((b) => b.type !== 'buttons') } : welcome);
      }
    }
    if (loaded.recovered) {
      answer = combine(reply([{ type: 'text', text: 'Part of your saved profile could not be read; I kept everything that was still valid.' }]), answer);
    }
    try {
      await session.commit();
    } catch (error) {
      if (!isStoreFailure(error)) throw error;
      this.deps.logger.warn('a change could not be saved; the person was told', { user: userId, kind: request.kind });
      return errorReply(NOT_SAVED_TEXT);
    }
    return answer;
  }

  private async route(session: Session, request: MentorRequest): Promise<Reply> {
    switch (request.kind) {
      case 'command':
        return this.runCommand(session, request.command, request.text, request.share ?? false);
      case 'action':
        if (request.actionId === 'answer') return this.runCommand(session, 'answer', request.value, false);
        return this.runCommand(session, request.actionId, request.value, false);
      case 'message':
        return this.message(session, request.text);
      case 'home': {
        const firstVisit = !session.profile.homeWelcomed;
        if (firstVisit) session.update({ ...session.profile, homeWelcomed: true });
        return homeReply(session.kb, session.profile, firstVisit);
      }
      default:
        return errorReply('I could not read that request, so I changed nothing.');
    }
  }

  private async runCommand(session: Session, commandId: string, text: string, share: boolean): Promise<Reply> {
    const command = REGISTRY.get(findCommand(String(commandId))?.id ?? '');
    if (!command) {
      const shown = clean(String(commandId)).slice(0, 40);
      return errorReply(`There is no command "${shown}". Type "help" to see what I can do.`);
    }
    const parsed = command.parseArgs(clean(String(text ?? '')));
    if (!parsed.ok) return errorReply(parsed.error);
    const answer = await command.handler(session, parsed.args);
    if (answer.error) return answer;
    // The visibility the front end deferred with: known in advance from the command, its words and the place.
    return { ...answer, visibility: expectedVisibilityFor(command.id, share, text, session.place) };
  }

  private async message(session: Session, rawText: string): Promise<Reply> {
    const text = clean(String(rawText ?? ''));
    if (text.length > MAX_MESSAGE_LENGTH) return tooLongReply(MAX_MESSAGE_LENGTH);
    // Erasure always works, even in the middle of the setup; it asks first, and "yes" right after confirms.
    const words = normalize(text);
    if (words === 'forget' || words === 'forget confirm') return this.runCommand(session, 'forget', words === 'forget' ? '' : 'confirm', false);
    if (session.dialogue?.intent === 'forget-confirm' && /^(yes|y|confirm|yes delete( everything)?|delete( everything)?)$/.test(words)) {
      return this.runCommand(session, 'forget', 'confirm', false);
    }
    const onboarding = await answerOnboarding(session, text, false);
    if (onboarding) return onboarding;
    // A typed number presses that button of the last answer, as the console shows them.
    const option = /^\s*(\d{1,2})\s*$/.exec(text);
    if (option) {
      const chosen = session.dialogue?.options[Number(option[1]) - 1];
      if (!chosen) return errorReply(`Option ${option[1]} is no longer shown. Type "help" to see what I can do, or ask me anything.`);
      return this.route(session, { kind: 'action', userId: session.userId, actionId: chosen.actionId, value: chosen.value });
    }
    const [first = '', ...rest] = text.split(' ');
    const word = first.toLowerCase();
    // "done pytorch" or "next" typed in a DM works like the command; "forget" only when it stands alone.
    if (DM_COMMANDS.has(word as never) && word !== 'ask' && (word !== 'forget' || rest.length === 0)) {
      const command = REGISTRY.get(word)!;
      // "done pytorch" is the command; "done with that" or "done with pytorch, what now" is a sentence.
      const argument = rest.join(' ');
      const aliases = this.deps.understander.aliasIndex;
      const sentence = /^(with|that|it|this|them|those|now|already|too)\b/i.test(argument) || (aliases.topics(argument).length > 0 && !aliases.resolveTopics(argument));
      const namesTopics = command.options[0]?.kind !== 'topic' || !sentence;
      // "tips on 9am" is the command; "tips for interviews?" is a question.
      if (word === 'tips' && !looksLikeTipsCommand(argument)) return answerText(session, text);
      if (command.parseArgs(rest.join(' ')).ok && namesTopics) return this.runCommand(session, word, rest.join(' '), false);
    }
    return answerText(session, text);
  }
}

/** Where a request was made; requests without one (home, the console) are direct conversations. */
function placeOf(request: MentorRequest): Place | undefined {
  return request.kind === 'home' ? undefined : request.place;
}

export function createMentor(options: MentorOptions): Mentor {
  return new Mentor(options);
}

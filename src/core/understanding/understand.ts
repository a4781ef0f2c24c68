/**
 * Turns a free-text message into an intent, what it asks about, and what it says about the person.
 * Mentions are found anywhere in the message (aliases, typos); statements are read per clause from the
 * cues around each mention (statements.ts); the intent is read from the asking part of the message.
 * Rules are explicit and ordered, so the outcome is deterministic and explainable.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { AliasIndex, unique, type EntityMatch } from './aliasIndex';
import { splitClauses, type Clause } from './clauses';
import { COMMON_WORDS, EVALUATIVE, FIRST_PERSON, KNOW_CUES, LEARNING_CUES, QUESTION_STARTS, TECH_CONTEXT } from './lexicon';
import { Retriever, type RetrievalHit } from './retrieval';
import { readStatements, type Statements } from './statements';
import { clean, MAX_MESSAGE_LENGTH, normalize, STOPWORDS } from './text';
import { readTipsWish } from './tipsWish';

export type { Statements } from './statements';

export type Intent =
  | 'help'
  | 'greeting'
  | 'thanks'
  | 'next'
  /** "what after MLOps", "and after that?" */
  | 'after'
  | 'path'
  | 'progress'
  /** "pytorch or tensorflow?", "ML engineer vs data scientist" */
  | 'compare'
  /** "why?", "why PyTorch?": the reasons for the last advice or a topic */
  | 'why'
  | 'tools-for-task'
  | 'how-long'
  /** "a good resource for it?" */
  | 'resources'
  /** "tell me more" */
  | 'more'
  /** "ok done with that": the last topic is done */
  | 'done-that'
  /** A typed option number: presses that button of the last answer. */
  | 'option'
  | 'explain'
  | 'roles'
  | 'statement'
  | 'too-long'
  /** "give me a tip": one tip now. */
  | 'tip'
  /** About the daily tips ("send me a tip every morning", "no more tips"): `tipsSettings` are the `tips` command's words. */
  | 'tips'
  | 'out-of-scope';

export interface Understanding {
  intent: Intent;
  /** Topics the message asks about (or names, when it asks nothing), in order. */
  topics: string[];
  roles: string[];
  /** Jobs the article names tools for ("data pipelines"). */
  tasks: string[];
  statements: Statements;
  hits: RetrievalHit[];
  /** The message points back at the conversation ("why?", "is it hard?"): resolve against the last answer. */
  refersBack: boolean;
  /** For `option`: the typed number. */
  option?: number;
  /** For `tips`: what to run as `tips <settings>` ("on 08:00 daily", "off", "pause 7d"). */
  tipsSettings?: string;
}

/** Below this BM25 score, a retrieval hit is a coincidence of words, not an answer. */
export const MIN_RETRIEVAL_SCORE = 4;
/** A question that says more than a topic's name is answered by a curated explanation this strong. */
export const STRONG_EXPLANATION_SCORE = 6;

const HELP = /^(help|commands?|menu|options|\?+|what can you do|what do you do|how does this work|how do you work|who are you|what are you)$/;
const GREETING = /^(hi|hello|hey|hiya|yo|sup|good (morning|afternoon|evening)|greetings|howdy)( there| mentor)?$/;
const THANKS = /^(thanks|thank you|thx|ty|cheers|ok|okay|cool|great|nice|got it|perfect|awesome|k|kk)( (so much|a lot|mentor))?$/;
const OPTION = /^(?:#|option |number |no\.? ?)?(\d{1,2})[.)]?$/;
const HOW_LONG = /\b(how (long|much time|many (months|years|weeks|hours|days))|time ?(line|frame)|how (fast|quickly)|when will i be (ready|job ready|hireable|employable)|in (\d+|a few|six|three) months)\b/;
const MORE = /^(tell me more|more|go on|continue|elaborate|more (details|info)|explain more|say more|and|more please|details|tell me more about (it|that|this))$/;
const RESOURCES = /\b(resources?|links?|courses?|tutorials?|books?|docs|documentation|materials?|reading|where (can|do|should) i (learn|study|read|start)|learn (it|that|this) from|any good (site|website|place)s?)\b/;
const DONE_THAT = /^(?:(?:ok|okay|alright|cool|right|so|yes|yep)\s+)*(?:i'?m\s+|im\s+|i\s+|i have\s+|i've\s+|ive\s+)?(?:done|finished|completed|did|learned|learnt|know)(?:\s+with)?(?:\s+(?:that|it|this|those|them|that one))?(?:\s+(?:now|already|too))?$/;
const AFTER = /\b(after|beyond|following|follow|follows|once i(?:'m| am)? (?:done|finished|through) with|once i know|when i(?:'m| am)? done with)\b/;
const AFTER_THAT = /\b(after (that|this|it|those)|then what|and then|what then|beyond that|what comes after)\b/;
const NEXT =
  /\b(what (should|do|shall|can|must|would|could) i (even |be |actually |really |now |then )?(learn|learning|study|studying|do|focus on|read|pick up|tackle|work on|look at|start with|add|prioriti[sz]e|move on to|go for|get into)|what (would|do) you (learn|study|do|suggest|recommend)|what(?:'s|s| is)? (next|nxt)|next step|next topic|next move|next thing|next stage|next on my list|(where|how) (do|should|can|would) i (even |actually )?(start|begin|go from here|head|move|transition|switch|break in|pivot)|what now|now what|what'?s the move|whats the move|next move|(learn|study) next|what to (learn|study|focus on|do)|how (do|can|should|would) i (start|begin|get started|get into|head|move|transition|switch|break into|pivot|go)|what do you (suggest|recommend)|^(suggest|recommend)( me)?( something| a topic| a next step)?$|where to (start|begin|go)|what am i missing|what(?:'s| is| s)? (missing|left)|where do i go from here|whats the next|what do i do (now|next)|what'?s my next|^(next|nxt)\W*$|how (to|2) (start|begin|get into)|(get|break|move|transition) into (ml|machine learning|ai|ml eng|ml engineering|mle)|(what|wat) first|first step|first thing|what first|(learn|study|do) first|roadmap for me|path for me|wat (now|next|do)|^now$|^(and )?now what$|go from here|moving on to|move on to|what do i do\b|what should i do|what do$|^so what do$|(is it|is this|is that|am i too|is ml( engineering)?) (realistic|possible|doable|too late|too old)|(too late|too old) (for|to)|which (thing|one|topic|skill) (do|should) i)\b/;
const PROGRESS = /\b(my progress|how am i doing|what have i (done|learned|learnt|completed|finished)|show (me )?progress|how far am i|how far have i)\b/;
const PATH = /\b(road ?map|learning path|my path|the path|whole path|full path|curriculum|syllabus|all (the )?topics|path overview|the stages|all stages)\b/;
const COMPARE_STRONG = /\b(difference|differences|differ|diff|vs|versus|compare|compared|comparison|distinguish|distinct from|same (thing )?as|same thing|better|instead of|rather than|just a fancy|fancy name)\b/;
const WHY = /^(?:(?:but|ok|okay|so|and|hmm|wait)\s+)*(why|how come|whys|why's)\b/;
const TOOLS =
  /\b((which|what)(?! (is|are|s|was)\b)( \w+){0,4} (tools?|librar(y|ies)|frameworks?|models?|software|platforms?|packages?|engines?|stack|languages?)|tools?|librar(y|ies)|frameworks? (for|to)|models? (for|to|could)|(use|using) (for|to)|do people use|should i use|to use|help me (build|do)|what do (ml engineers|people|they|you) use)\b/;
/** Words that frame a question about a topic without adding to it ("what is", "explain"). */
const QUESTION_WORDS = new Set(['explain', 'describe', 'define', 'definition', 'meaning', 'whats', 'about', 'tell', 'is', 'are', 'what', 'used', 'for', 'vs', 'versus', 'and', 'or', 'actually', 'exactly', 'even', 'pls', 'please', 'lol', 'eli5', 'quick', 'wtf', 'huh']);
/** "it", "that": the message talks about the last topic. */
const POINTS_BACK = /\b(it|that|this|them|those|the other one|the other|that one|this one)\b/;
/** Before an everyday-word alias, these make it a question about the skill ("what is spark"). */
const ASKING_FRAME = new Set(['what', 'whats', "what's", 'is', 'explain', 'about', 'define', 'learn', 'know', 'use', 'using', 'with', 'in', 'do']);

export class Understander {
  private readonly aliases: AliasIndex;
  private builtRetriever: Retriever | undefined;
  private slangRegex: RegExp | undefined;

  constructor(private readonly kb: KnowledgeBase) {
    this.aliases = new AliasIndex(kb);
  }

  /**
   * The full-text index, built on the first message that needs a search: indexing every explanation and
   * topic is a tenth of a one-shot CLI answer, and commands and most questions never search.
   */
  private get retriever(): Retriever {
    return (this.builtRetriever ??= new Retriever(this.kb));
  }

  get aliasIndex(): AliasIndex {
    return this.aliases;
  }

  /**
   * @param inConversation the person is already talking with the mentor about the path, so an everyday
   *   word that names a skill ("where does cloud come in") means the skill.
   */
  understand(raw: string, inConversation = false): Understanding {
    if (raw.length > MAX_MESSAGE_LENGTH) return { intent: 'too-long', topics: [], roles: [], tasks: [], statements: { known: [], learning: [], notKnown: [], wanted: [] }, hits: [], refersBack: false };
    const input = this.expandSlang(raw);
    const text = normalize(input);
    const empty: Statements = { known: [], learning: [], notKnown: [], wanted: [] };
    const base = { topics: [], roles: [], tasks: [], statements: empty, hits: [], refersBack: false };
    if (input.length > MAX_MESSAGE_LENGTH) return { intent: 'too-long', ...base };
    if (text === '') return { intent: 'help', ...base };
    const option = OPTION.exec(text);
    if (option) return { intent: 'option', ...base, option: Number(option[1]) };

    const clauses = splitClauses(input);
    const found = clauses.map((c) => this.aliases.find(c.text));
    const techContext = inConversation || this.hasTechContext(text, clauses, found);
    const perClause = clauses.map((c, i) =>
      found[i]!
        .filter((m) => !m.needsContext || techContext || this.askedAbout(c, m, clauses.length === 1))
        // "huggingface pipelines", "spacy models": an everyday word right after a skill is part of that skill's name.
        .filter((m, i, all) => !(m.end - m.start === 1 && COMMON_WORDS.has(c.tokens[m.start] ?? '') && i > 0 && all[i - 1]!.end === m.start && all[i - 1]!.kind === 'topic')),
    );
    const all = perClause.flat();
    const asking = clauses.map((c, i) => (c.question ? perClause[i]! : [])).flat();
    const asks = clauses.some((c) => c.question);
    // The asking part of the message: "i built classifiers following tutorials. what next?" asks only at the end.
    const askClauses = asks ? clauses.filter((c) => c.question) : clauses;
    const askText = askClauses.map((c) => c.text).join(' ');
    // "after pytorch, what comes next": a fragment naming what comes before asks too; "i built it following tutorials" does not.
    const afterClauses = clauses.filter((c) => c.question || !(c.tokens.some((w) => FIRST_PERSON.has(w)) && c.tokens.some((w) => KNOW_CUES.has(w) || LEARNING_CUES.has(w))));
    const asksAfter = afterClauses.some((c) => AFTER.test(c.text)) || AFTER_THAT.test(askText);
    const asksNext = NEXT.test(text) || clauses.some((c) => NEXT.test(c.text) || (c.question && /\b(next|nxt)\b/.test(c.text))) || asksAfter;
    const statements = readStatements(this.kb, { clauses, matches: perClause, asksNext });
    const hasStatement =
      statements.known.length + statements.learning.length + statements.notKnown.length + statements.wanted.length > 0 ||
      !!statements.background ||
      !!statements.goal;

    const ids = (ms: EntityMatch[], kind: EntityMatch['kind']) => unique(ms.filter((m) => m.kind === kind).map((m) => m.id));
    // What is asked about: the asking clauses' topics; with no question, the topics not stated about.
    const stated = new Set([...statements.known, ...statements.learning, ...statements.notKnown]);
    const askedTopics = asks ? ids(asking, 'topic') : ids(all, 'topic').filter((id) => !stated.has(id));
    const topics = askedTopics.length > 0 ? askedTopics : ids(all, 'topic');
    const roles = ids(all, 'role');
    const askedTasks = ids(asking, 'task');
    const tasks = askedTasks.length > 0 ? askedTasks : ids(all, 'task');
    const result = { topics, roles, tasks, statements, hits: [] as RetrievalHit[], refersBack: false };

    // A skill or role named makes "tips" advice about it; a job ("ml") alone is too general for that.
    const wish = readTipsWish(clean(input).toLowerCase(), raw, topics.length + roles.length > 0);
    if (wish) return wish.kind === 'tip-now' ? { intent: 'tip', ...result } : { intent: 'tips', ...result, tipsSettings: wish.settings };
    if (HELP.test(text)) return { intent: 'help', ...result };
    if (GREETING.test(text)) return { intent: 'greeting', ...result };
    if (THANKS.test(text)) return { intent: 'thanks', ...result };
    // A longer message with no skill, role or tech word in it is about something else ("I touched a torch, what do I do").
    const named = all.some((m) => m.kind !== 'related');
    // Retrieval is the costly part: run it at most once, and only when a rule needs it.
    let searched: RetrievalHit[] | undefined;
    const search = () => (searched ??= this.retriever.search(text));
    const strongHit = () => search().slice(0, 1).find((h) => h.score >= STRONG_EXPLANATION_SCORE && h.matched * 2 > h.queryTerms);
    if (!named && !techContext && !hasStatement && text.split(' ').length > 6 && !strongHit()) return { intent: 'out-of-scope', ...result };
    if (HOW_LONG.test(text)) return { intent: 'how-long', ...result };
    if (MORE.test(text)) return { intent: 'more', ...result, refersBack: true };
    if (DONE_THAT.test(text)) return { intent: 'done-that', ...result, refersBack: true };

    const afterText = afterClauses.map((c) => c.text).join(' ');
    const namedAfter = asksAfter ? this.namedAfter(afterClauses, afterClauses.map((c) => perClause[clauses.indexOf(c)]!)) : [];
    const after = asksAfter ? this.afterTopic(afterText, namedAfter) : undefined;
    if (after !== undefined) {
      // "what do I learn after PyTorch?" is read, as people mean it, as having PyTorch; the answer says so and how to correct it.
      for (const id of after ? namedAfter : []) {
        if (!statements.notKnown.includes(id) && !statements.known.includes(id)) statements.known.push(id);
      }
      return { intent: 'after', ...result, topics: after ? [after] : [], refersBack: !after };
    }
    if (WHY.test(text) && (ids(all, 'topic').length >= 2 || (this.wordsBeyond(clauses, perClause) <= 3 && !(ids(all, 'topic').length === 0 && this.wordsBeyond(clauses, perClause) > 0 && strongHit())))) {
      const whyTopics = ids(all, 'topic');
      if (whyTopics.length >= 2) return { intent: 'compare', ...result, topics: whyTopics };
      return { intent: 'why', ...result, topics: whyTopics, refersBack: whyTopics.length === 0 };
    }
    // "X or Y" compares only when asked ("pytorch or tensorflow?"); in a statement it lists ("I don't know R or Julia").
    const compareWords = COMPARE_STRONG.test(text) || clauses.some((c, i) => c.question && this.joinedByOr(c, perClause[i]!));
    // "keras vs tf, whats the difference" names them before it asks; "tf + keras done. hf or smth next?" compares nothing done.
    const compared = asks && (askedTopics.length >= 2 || !COMPARE_STRONG.test(text)) ? askedTopics : ids(all, 'topic');
    if (compareWords && compared.length >= 2) return { intent: 'compare', ...result, topics: compared };
    // "why are companies hiring ML engineers instead of data scientists" asks for a reason, not a comparison.
    if (compareWords && !WHY.test(text) && (roles.length >= 2 || (roles.length === 1 && topics.length === 0 && COMPARE_STRONG.test(text))) && !hasStatement) return { intent: 'compare', ...result, topics: [] };
    // "is ODSC worth going to?": a name only one curated answer is about.
    const namedAnswer = ids(asks ? asking : all, 'explanation')[0];
    if (namedAnswer && askedTopics.length === 0) {
      return { intent: 'explain', ...result, hits: [{ kind: 'explanation', id: namedAnswer, score: STRONG_EXPLANATION_SCORE, matched: 1, queryTerms: 1 }] };
    }
    if (asksNext && !asksAfter) return { intent: 'next', ...result };
    if (RESOURCES.test(askText) && !TOOLS.test(askText)) return { intent: 'resources', ...result, refersBack: topics.length === 0 };
    if (PROGRESS.test(text)) return { intent: 'progress', ...result };
    if (hasStatement && !asks) return { intent: 'statement', ...result };
    if (PATH.test(text) && (topics.length === 0 || /\b(my|the whole|full) (path|road ?map)\b/.test(text))) return { intent: 'path', ...result };
    if (TOOLS.test(text) && (tasks.length > 0 || topics.length > 0 || text.split(' ').length <= 5)) return { intent: 'tools-for-task', ...result, refersBack: tasks.length + topics.length === 0 };

    // "ml workflow platforms, what are those": a job the article names tools for, asked about.
    if (topics.length === 0 && tasks.length > 0 && asks && !hasStatement && search()[0]?.kind !== 'explanation') return { intent: 'tools-for-task', ...result };
    if (topics.length > 0) {
      const best = search()[0];
      if (best?.kind === 'explanation' && best.score >= STRONG_EXPLANATION_SCORE && this.wordsBeyond(clauses, perClause) > 0) {
        return { intent: 'explain', ...result, topics: [], hits: [best] };
      }
      return { intent: 'explain', ...result };
    }
    const hits = search()
      // A hit must also contain most of what was asked: "quantum computing" is not "cloud computing".
      // Among tech or career words a question may carry more chat around its point ("real talk, is the pay good").
      .filter((h) => h.score >= MIN_RETRIEVAL_SCORE && (techContext || roles.length > 0 ? h.matched * 3 >= h.queryTerms : h.matched * 2 > h.queryTerms));
    if (hits.length > 0) return { intent: 'explain', ...result, hits };
    if (tasks.length > 0 && asks) return { intent: 'tools-for-task', ...result };
    if (roles.length > 0) return { intent: 'roles', ...result };
    if (hasStatement) return { intent: 'statement', ...result };
    if (POINTS_BACK.test(text) && asks) return { intent: 'explain', ...result, refersBack: true };
    return { intent: 'out-of-scope', ...result };
  }

  /** Every topic named after "after" in these clauses ("after the hyperparameter optimisation and feature selection stuff"). */
  private namedAfter(clauses: Clause[], perClause: EntityMatch[][]): string[] {
    const ids: string[] = [];
    clauses.forEach((clause, i) => {
      const m = AFTER.exec(clause.text);
      if (!m) return;
      const from = clause.text.slice(0, m.index + m[0].length).split(' ').length;
      for (const x of perClause[i] ?? []) if (x.kind === 'topic' && x.start >= from - 1) ids.push(x.id);
    });
    return unique(ids);
  }

  /** `undefined`: no "after" question; `''`: after the last topic ("and after that?"); else the first topic named after "after". */
  private afterTopic(text: string, named: string[]): string | '' | undefined {
    if (named[0]) return named[0];
    if (AFTER_THAT.test(text)) return '';
    if (!AFTER.test(text)) return undefined;
    // "what should I learn after I finish" with nothing named: the last topic.
    return /\b(after|once|when)\b.*\b(learn|do|study|next|done|finish|finished)\b|\bafter\s*$/.test(text) ? '' : undefined;
  }

  /** "mle", "nxt", "w/": chat spellings become the words the knowledge base uses (words.yaml). */
  private expandSlang(input: string): string {
    if (this.kb.slang.size === 0) return input;
    return input.replace(this.slangPattern, (word) => this.kb.slang.get(word.toLowerCase()) ?? word);
  }

  private get slangPattern(): RegExp {
    if (!this.slangRegex) {
      const escaped = [...this.kb.slang.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
      // Whole words: not inside another word, not glued to letters or digits.
      this.slangRegex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    }
    return this.slangRegex;
  }

  /** "pytorch or tensorflow", "data engineer or ml engineer": two things named either side of an "or". */
  private joinedByOr(clause: Clause, matches: EntityMatch[]): boolean {
    const named = matches.filter((m) => m.kind === 'topic' || m.kind === 'role');
    return named.some((a, i) => named.slice(i + 1).some((b) => b.start - a.end <= 3 && clause.tokens.slice(a.end, b.start).includes('or')));
  }

  /** Whether the message is about learning or tech at all, so "spark" or "python" mean the skills. */
  private hasTechContext(text: string, clauses: Clause[], found: EntityMatch[][]): boolean {
    if (text.split(' ').some((t) => TECH_CONTEXT.has(t))) return true;
    const exact = found.flatMap((ms, i) => ms.filter((m) => m.exact).map((m) => ({ m, word: clauses[i]!.tokens[m.start] ?? '' })));
    // "pandas" is only ever a tech word; "julia or r, only python" names several skills, so it is about skills.
    if (exact.some(({ m, word }) => (!m.needsContext && m.kind !== 'related') || (m.kind === 'related' && !COMMON_WORDS.has(word)))) return true;
    return new Set(exact.filter(({ m }) => m.kind === 'topic' || m.kind === 'related').map(({ m }) => `${m.kind}:${m.id}`)).size >= 2;
  }

  /**
   * "what is spark?", "do i rly need teh cloud": an everyday-word alias asked about directly, in a short
   * question whose other words say nothing else ("python snake care tips?" has snakes in it).
   */
  private askedAbout(clause: Clause, m: EntityMatch, single: boolean): boolean {
    const before = clause.tokens.slice(Math.max(0, m.start - 2), m.start);
    // "a torch", "my spark plug": a determiner before an everyday word means the everyday thing.
    if (/^(a|an|my|his|her|our|their|your)$/.test(before[before.length - 1] ?? '')) return false;
    if (before.some((w) => ASKING_FRAME.has(w) || KNOW_CUES.has(w) || LEARNING_CUES.has(w))) return true;
    if (m.start === 0 && m.end === clause.tokens.length && clause.joint === 'start' && single) return true;
    if (!clause.question || clause.tokens.length > 8) return false;
    const rest = clause.tokens.filter((_, i) => i < m.start || i >= m.end);
    return rest.every((w) => STOPWORDS.has(w) || QUESTION_WORDS.has(w) || QUESTION_STARTS.has(w) || EVALUATIVE.has(w) || TECH_CONTEXT.has(w) || !COMMON_WORDS.has(w));
  }

  /** Content words of the message that no mention accounts for ("hiring", "language", "first"). */
  private wordsBeyond(clauses: Clause[], perClause: EntityMatch[][]): number {
    let count = 0;
    clauses.forEach((clause, i) => {
      const covered = new Set<number>();
      for (const m of perClause[i] ?? []) for (let k = m.start; k < m.end; k++) covered.add(k);
      count += clause.tokens.filter((t, k) => !covered.has(k) && !STOPWORDS.has(t) && !QUESTION_WORDS.has(t) && t !== 'why' && t !== 'first').length;
    });
    return count;
  }

}

/** Whether a message asks something rather than answers ("what is automl?", "how do I start"). */
export function isQuestion(input: string): boolean {
  return splitClauses(input).some((c) => c.question);
}

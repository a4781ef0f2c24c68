/**
 * Turns a free-text message into an intent plus what it mentions. Rules are explicit and ordered so the
 * outcome is deterministic and explainable; retrieval answers questions that name no topic.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { AliasIndex, unique, type EntityMatch } from './aliasIndex';
import { Retriever, type RetrievalHit } from './retrieval';
import { clean, MAX_MESSAGE_LENGTH, normalize, STOPWORDS } from './text';

export type Intent =
  | 'help'
  | 'greeting'
  | 'thanks'
  | 'roles'
  | 'next'
  | 'path'
  | 'progress'
  | 'compare-roles'
  | 'tools-for-task'
  | 'explain'
  | 'statement'
  | 'too-long'
  | 'out-of-scope';

export interface Statements {
  known: string[];
  learning: string[];
  /** "I don't know Python": topics the user says they do not know. */
  notKnown: string[];
  background?: string;
  goal?: string;
}

export interface Understanding {
  intent: Intent;
  /** Topics named in the message, in order. */
  topics: string[];
  roles: string[];
  statements: Statements;
  hits: RetrievalHit[];
}

/** Below this BM25 score, a retrieval hit is a coincidence of words, not an answer. */
export const MIN_RETRIEVAL_SCORE = 4;
/** A question that says more than a topic's name is answered by a curated explanation this strong. */
export const STRONG_EXPLANATION_SCORE = 6;

const HELP = /^(help|commands?|menu|options|\?+|what can you do|what do you do|how does this work|how do you work|who are you|what are you)$/;
const GREETING = /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|greetings|howdy)( there| mentor)?$/;
const THANKS = /^(thanks|thank you|thx|ty|cheers|ok|okay|cool|great|nice|got it|perfect|awesome)( (so much|a lot|mentor))?$/;
/** A clause that asks rather than tells: its statements ("as a data scientist") are not about the asker. */
const QUESTION_START = /^(what|how|why|who|whom|which|where|when|is|are|am|do|does|did|can|could|should|would|will|shall|may|tell me|explain)\b/;
const NEXT =
  /\b(what (should|do|shall|can|must) i (learn|study|do|focus on|read|pick up|tackle)( next| now| first)?|what(?:'s|s| is)? next|next step|next topic|where (do|should|can) i (start|begin|go from here)|what now|(learn|study) next|what to (learn|study)|how (do|can|should) i (start|begin|get started)|what (do|would) you (suggest|recommend)|^(suggest|recommend)( me)?( something| a topic| a next step)?$)\b/;
const PROGRESS = /\b(my progress|how am i doing|what have i (done|learned|learnt|completed|finished)|show (me )?progress|how far am i|how far have i)\b/;
const PATH = /\b(road ?map|learning path|my path|the path|whole path|full path|curriculum|syllabus|all (the )?topics|path overview)\b/;
const COMPARE = /\b(difference|differences|differ|vs|versus|compare|compared|comparison|distinguish|distinct from)\b/;
const TOOLS =
  /\b((which|what) (tools?|librar(y|ies)|frameworks?|models?|software|platforms?|packages?|engines?)|tools? (for|to)|librar(y|ies) (for|to)|frameworks? (for|to)|models? (for|to)|(use|using) (for|to)|help me (build|do))\b/;
const KNOWN =
  /\b(i (already |also )?(know|knew)|i(?:'ve| have)? (already |also )?(learned|learnt|used|studied|finished|completed|mastered|done)|i(?:'m| am) (familiar|comfortable|good|fluent|experienced) (with|in|at)|i can (code|program|use|write)( in)?|i have experience (in|with)|i(?:'ve| have) worked with|i(?:'m| am) done with|done with|(?<!(?:should|can|could|do|would|shall|to) )i use)\b/;
const NEGATED_KNOWN = /\b(i (don't|do not|dont|never) (know|knew|use|used)|i(?:'ve| have) never (used|learned|learnt|studied|touched)|i(?:'m| am) not (familiar|comfortable) with|i can't|i cannot|no experience (in|with))\b/;
const LEARNING = /\b(i(?:'m| am) (currently |now )?(learning|studying|taking|working through|working on|reading about|getting into)|currently (learning|studying)|i (started|began) (learning|studying|with)|i(?:'ve| have) (started|begun) (learning|studying|with))\b/;
const BACKGROUND_LEAD = /\b(i(?:'m| am)|im|i work as|i(?:'ve| have) been|i was|as an?|my background is|background in|i come from|coming from)\b/;
const NEVER_CODED = /\b(never (coded|programmed|written code|written a line)|no (coding|programming) (experience|background)|can't code|cannot code|don't know how to (code|program)|new to (coding|programming)|complete beginner|total beginner)\b/;
const GOAL_LEAD = /\b(i want to|i'd like to|i would like to|my goal is|i wish to|i hope to|i plan to|i aim to|goal is|i'm aiming|i am aiming)\b/;

/** Words that frame a question about a topic without adding to it ("what is", "explain"). */
const QUESTION_WORDS = new Set(['explain', 'describe', 'define', 'definition', 'meaning', 'whats', 'about', 'tell', 'is', 'are', 'what', 'used', 'for', 'vs', 'versus', 'and', 'or']);

/** Whether a message asks something rather than answers ("what is automl?", "how do I start"). */
export function isQuestion(input: string): boolean {
  return input.includes('?') || QUESTION_START.test(normalize(input));
}

/** Index of the token that contains character `offset` of a normalized (single-spaced) text. */
function tokenIndexAt(text: string, offset: number): number {
  return text.slice(0, offset).split(' ').length - 1;
}

export class Understander {
  private readonly aliases: AliasIndex;
  private readonly retriever: Retriever;

  constructor(private readonly kb: KnowledgeBase) {
    this.aliases = new AliasIndex(kb);
    this.retriever = new Retriever(kb);
  }

  get aliasIndex(): AliasIndex {
    return this.aliases;
  }

  understand(input: string): Understanding {
    const text = normalize(input);
    const empty: Statements = { known: [], learning: [], notKnown: [] };
    if (input.length > MAX_MESSAGE_LENGTH) return { intent: 'too-long', topics: [], roles: [], statements: empty, hits: [] };
    if (text === '') return { intent: 'help', topics: [], roles: [], statements: empty, hits: [] };

    const matches = this.aliases.find(text);
    const topics = unique(matches.filter((m) => m.kind === 'topic').map((m) => m.id));
    const roles = unique(matches.filter((m) => m.kind === 'role').map((m) => m.id));
    const statements = this.statements(input);
    const base = { topics, roles, statements };
    const hasStatement =
      statements.known.length + statements.learning.length + statements.notKnown.length > 0 || !!statements.background || !!statements.goal;

    if (HELP.test(text)) return { intent: 'help', ...base, hits: [] };
    if (GREETING.test(text)) return { intent: 'greeting', ...base, hits: [] };
    if (THANKS.test(text)) return { intent: 'thanks', ...base, hits: [] };
    if (NEXT.test(text)) return { intent: 'next', ...base, hits: [] };
    if (PROGRESS.test(text)) return { intent: 'progress', ...base, hits: [] };
    if (COMPARE.test(text) && roles.length > 0 && topics.length < 2) {
      const classic = roles.every((r) => r === 'ml-engineer' || r === 'data-scientist');
      return { intent: classic ? 'compare-roles' : 'roles', ...base, hits: [] };
    }
    if (hasStatement && !/\?$/.test(input.trim())) return { intent: 'statement', ...base, hits: [] };
    if (PATH.test(text)) return { intent: 'path', ...base, hits: [] };
    const tools = TOOLS.exec(text);
    if (tools && topics.length > 0) {
      // "which framework for data pipelines": the asking words are not the topic asked about.
      const askedFrom = tokenIndexAt(text, tools.index);
      const askedTo = tokenIndexAt(text, tools.index + tools[0].length - 1) + 1;
      const named = matches.filter((m) => m.kind === 'topic' && (m.end <= askedFrom || m.start >= askedTo)).map((m) => m.id);
      return { intent: 'tools-for-task', ...base, topics: named.length > 0 ? unique(named) : topics, hits: [] };
    }
    if (topics.length > 0) {
      const best = this.retriever.search(text, 1)[0];
      const extraWords = this.wordsBeyondTopics(text, matches);
      if (best?.kind === 'explanation' && best.score >= STRONG_EXPLANATION_SCORE && extraWords > 0) {
        return { intent: 'explain', ...base, topics: [], hits: [best] };
      }
      return { intent: 'explain', ...base, hits: [] };
    }

    const hits = this.retriever
      .search(text)
      // A hit must also contain most of what was asked: "quantum computing" is not "cloud computing".
      .filter((h) => h.score >= MIN_RETRIEVAL_SCORE && h.matched * 2 > h.queryTerms);
    if (hits.length > 0) return { intent: 'explain', ...base, hits };
    if (hasStatement) return { intent: 'statement', ...base, hits: [] };
    if (roles.length > 0) return { intent: 'roles', ...base, hits: [] };
    return { intent: 'out-of-scope', ...base, hits: [] };
  }

  /** Content words of the message that no topic alias accounts for ("hiring", "language", "first"). */
  private wordsBeyondTopics(text: string, matches: EntityMatch[]): number {
    const tokens = text.split(' ');
    const covered = new Set<number>();
    for (const m of matches) if (m.kind === 'topic') for (let i = m.start; i < m.end; i++) covered.add(i);
    return tokens.filter((t, i) => !covered.has(i) && !STOPWORDS.has(t) && !QUESTION_WORDS.has(t)).length;
  }

  /** What the message says about the learner, clause by clause; clauses that ask something say nothing. */
  private statements(input: string): Statements {
    const result: Statements = { known: [], learning: [], notKnown: [] };
    // Split before normalising, while the punctuation that ends a clause or a question is still there.
    const segments = clean(input).match(/[^,;.!?]+[,;.!?]*/g) ?? [];
    for (const segment of segments) {
      if (segment.includes('?')) continue;
      for (const raw of segment.split(/\b(?:but|however|although|though|whereas|while|and now)\b/i)) {
        const clause = normalize(raw);
        if (clause === '' || QUESTION_START.test(clause)) continue;
        const clauseTopics = this.aliases.topics(clause);
        if (clauseTopics.length > 0) {
          if (NEGATED_KNOWN.test(clause)) result.notKnown.push(...clauseTopics);
          else if (LEARNING.test(clause)) result.learning.push(...clauseTopics);
          else if (KNOWN.test(clause)) result.known.push(...clauseTopics);
        }
        if (NEVER_CODED.test(clause)) result.background = 'never-coded';
        else if (BACKGROUND_LEAD.test(clause)) result.background = this.aliases.find(clause).find((m) => m.kind === 'background')?.id ?? result.background;
        if (GOAL_LEAD.test(clause)) result.goal = this.aliases.find(clause).find((m) => m.kind === 'goal')?.id ?? result.goal;
      }
    }
    result.known = unique(result.known);
    result.learning = unique(result.learning);
    result.notKnown = unique(result.notKnown);
    return result;
  }
}

/**
 * What a message says about the person: every skill it mentions, and their relation to each (knows,
 * is learning, wants, does not know), read from the cues around the mention, with negation scoped to
 * its clause and the subject carried across a list ("I know Python, PyTorch and Docker").
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { EntityMatch } from './aliasIndex';
import type { Clause } from './clauses';
import { COMMON_WORDS, FIRST_PERSON, KNOW_CUES, LEARNING_CUES, LIST_JOINERS, NEGATIONS, NEUTRAL_CUES, OTHER_SUBJECTS, ROLE_NOUNS, WANT_CUES } from './lexicon';

export interface Statements {
  known: string[];
  learning: string[];
  /** "I don't know Python": topics the person says they do not know. */
  notKnown: string[];
  /** Topics the person wants or is aiming at ("I'm into NLP"). */
  wanted: string[];
  background?: string;
  goal?: string;
  /** "6 yrs", "3 years of Java". */
  experienceYears?: number;
}

type Relation = 'know' | 'learning' | 'want' | 'neutral';
interface Reading {
  relation?: Relation;
  negated: boolean;
}

/** Two-word cues read before single words: "getting into" is learning, "new to" is not knowing. */
const PHRASE_CUES: [RegExp, Relation, boolean][] = [
  [/\b(got through|went through|made it through|finished|completed|wrapped up)\b/, 'know', false],
  [/\b(getting into|got into|into it|working on|worked on|working through|trying to learn|started learning|taking a course|halfway through)\b/, 'learning', false],
  [/\b(want to learn|need to learn|have to learn|going to learn|gonna learn|would like|interested in|looking into|thinking about)\b/, 'want', false],
  [/^(i|we) do\b(?! not)/, 'know', false],
  [/\b(finished learning|done learning|completed learning|finished studying)\b/, 'know', false],
  [/\b(new to|no idea about|no clue about|never heard of|not familiar with|no experience with|no experience in|zero experience)\b/, 'know', true],
];

/** How well someone knows a skill, said right after it: "python (solid)", "huggingface (just started)". */
const QUALIFIERS = new Map<string, Relation>([
  ...['solid', 'decent', 'good', 'ok', 'okay', 'strong', 'fluent', 'expert', 'rusty', 'comfortable', 'intermediate', 'advanced', 'yes', 'yep', 'done', 'basics'].map(
    (w): [string, Relation] => [w, 'know'],
  ),
  ...['started', 'starting', 'learning', 'beginner', 'new'].map((w): [string, Relation] => [w, 'learning']),
]);

/** An amount right before a skill is having it: "a bit of R", "some spaCy", "lots of python". */
const AMOUNT = /^(a bit of|a little|lots of|a lot of|plenty of|some|basic|solid|decent)$/;
/** Where or how often it is used, anywhere in the clause: "c# at my day job", "python at home". */
const SETTING = /\b(at (my )?(day )?job|at work|for work|at home|for fun|as a hobby|for hobby|side projects?|professionally|in production|every day|daily)\b/;

const NEVER_CODED =
  /\b(never (coded|programmed|written code|written a line)|no (coding|programming|code)( experience| background| at all| whatsoever)?|(0|zero) (code|coding|programming)|can't code|cant code|cannot code|don't know how to (code|program)|dont know how to (code|program)|new to (coding|programming)|complete beginner|total beginner|non (technical|tech|programmer)|not (technical|a programmer|a coder))\b/;
/** "I" as the subject (not "my", "me"). */
const SUBJECT_I = new Set(['i', "i'm", 'im', "i've", 'ive', "i'd", 'id']);
const YEARS = /\b(\d{1,2})\s*\+?\s*(years?|yrs?|y)\b/;
/** Time spent with a skill ("6 months", "a decade", "3 yrs"): having it, whatever the verb. */
const DURATION = /\b((\d{1,2}|a few|several|many|a couple of?)\s*\+?\s*(years?|yrs?|y|months?|mos?)|a decade|decades?|for ages|for years)\b/;

function cueAt(token: string): Relation | undefined {
  if (LEARNING_CUES.has(token)) return 'learning';
  if (WANT_CUES.has(token)) return 'want';
  if (NEUTRAL_CUES.has(token)) return 'neutral';
  if (KNOW_CUES.has(token)) return 'know';
  return undefined;
}

/** The relation that governs a mention: the nearest cue before it in its clause, else the first after it. */
function readMention(clause: Clause, start: number, end: number, covered: Set<number>): Reading {
  const t = clause.tokens;
  const negatedBefore = (limit: number) => t.slice(0, limit).some((w) => NEGATIONS.has(w)) && !/\bnot only\b/.test(clause.text);
  // The cue closest before the mention governs it, a phrase ("getting into") or a word ("know"); else the first after it.
  let best: { relation: Relation; at: number; negated: boolean } | undefined;
  for (const [pattern, relation, negated] of PHRASE_CUES) {
    const m = pattern.exec(clause.text);
    if (!m) continue;
    const at = clause.text.slice(0, m.index + m[0].length).split(' ').length - 1;
    if (at < start && (!best || at > best.at)) best = { relation, at, negated };
  }
  for (let i = start - 1; i >= 0 && (!best || i > best.at); i--) {
    if (covered.has(i)) continue;
    const relation = cueAt(t[i]!);
    if (relation) {
      best = { relation, at: i, negated: false };
      break;
    }
  }
  if (best) return { relation: best.relation, negated: best.negated || negatedBefore(start) };
  const justBefore = (n: number) => t.slice(Math.max(0, start - n), start).join(' ');
  if ([1, 2, 3].some((n) => AMOUNT.test(justBefore(n))) || SETTING.test(clause.text)) {
    return { relation: 'know', negated: negatedBefore(start) };
  }
  for (let i = end; i < t.length; i++) {
    if (covered.has(i)) continue;
    const relation = cueAt(t[i]!);
    if (relation) return { relation, negated: negatedBefore(i) };
  }
  return { relation: undefined, negated: negatedBefore(start) };
}

/** Whether the clause speaks about someone else ("my friend uses Spark", "they want PyTorch"). */
function aboutSomeoneElse(clause: Clause, before: number): boolean {
  const t = clause.tokens.slice(0, before);
  const other = t.findIndex((w) => OTHER_SUBJECTS.has(w));
  if (other === -1) return false;
  return !t.slice(other + 1).some((w) => FIRST_PERSON.has(w) && w !== 'my');
}

/** A clause made only of skills and joining words: "PyTorch and TensorFlow", "python, sql, airflow". */
function isBareList(clause: Clause, covered: Set<number>): boolean {
  // Unknown names ("tidymodels", "autogluon") are tools we do not cover, not a sentence.
  return clause.tokens.every((w, i) => covered.has(i) || LIST_JOINERS.has(w) || KNOW_CUES.has(w) || !COMMON_WORDS.has(w) || /^\d+(y|yr|yrs|years?|mo|months?)?$|^(y|yr|yrs|years?|months?)$/.test(w));
}

export interface StatementInput {
  clauses: Clause[];
  /** Matches per clause, already filtered for context. */
  matches: EntityMatch[][];
  /** The message asks for a next step: a bare list of skills before it is what the person has. */
  asksNext: boolean;
}

export function readStatements(kb: KnowledgeBase, input: StatementInput): Statements {
  const result: Statements = { known: [], learning: [], notKnown: [], wanted: [] };
  let carried: Reading | undefined;
  const hasFirstPersonStatement = input.clauses.some((c) => !c.question && c.tokens.some((w) => FIRST_PERSON.has(w)));

  input.clauses.forEach((clause, index) => {
    const matches = input.matches[index] ?? [];
    const covered = new Set<number>();
    for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
    // A question or a comparison ("cloud vs my own GPU box") says nothing about the person.
    if (clause.question || /\b(vs|versus)\b/.test(clause.text)) {
      carried = undefined;
      return;
    }
    const speaksForSelf = clause.tokens.some((w) => FIRST_PERSON.has(w)) || !clause.tokens.some((w) => OTHER_SUBJECTS.has(w) || /^(companies|company|people|they|teams?)$/.test(w));
    if (NEVER_CODED.test(clause.text) && speaksForSelf) result.background = 'never-coded';
    const years = YEARS.exec(clause.text);
    if (years) result.experienceYears = Number(years[1]);

    const bare = isBareList(clause, covered);
    let clauseReading: Reading | undefined;
    for (const m of matches) {
      if (aboutSomeoneElse(clause, m.start)) continue;
      if (m.kind === 'background') {
        // "I'm a data scientist", "data scientist for 3 yrs"; not "ML engineer vs data scientist".
        const fragment = !clause.tokens.some((w) => OTHER_SUBJECTS.has(w)) && !/\b(vs|versus|or|difference|than|like|rather)\b/.test(clause.text);
        const mine = fragment && (clause.tokens.some((w) => FIRST_PERSON.has(w)) || clause.joint === 'start' || clause.joint === 'sentence');
        // Only a cue before it can make it a wish ("I want to be a data scientist"); "js dev here, wanna pivot" is a background.
        const reading = readMention({ ...clause, tokens: clause.tokens.slice(0, m.end), text: clause.tokens.slice(0, m.end).join(' ') }, m.start, m.end, covered);
        if (mine && reading.relation !== 'want' && !clause.tokens.slice(0, m.start).some((w) => NEGATIONS.has(w))) result.background = m.id;
        continue;
      }
      if (m.kind === 'goal') {
        // A goal is the person's own: "I want to build chatbots", not "bert vs gpt2 for a chatbot".
        const reading = readMention(clause, m.start, m.end, covered);
        const own = reading.relation === 'want' || clause.tokens.slice(0, m.start).some((w) => FIRST_PERSON.has(w));
        if (own && !reading.negated) result.goal = m.id;
        continue;
      }
      if (m.kind !== 'topic' && m.kind !== 'related') continue;
      let reading = readMention(clause, m.start, m.end, covered);
      // "java backend dev", "python guy": a language followed by a role is a skill and a background.
      const roleNear = [...clause.tokens.slice(m.end, m.end + 3), ...clause.tokens.slice(Math.max(0, m.start - 2), m.start)].some((w) => ROLE_NOUNS.has(w));
      if (!reading.relation && roleNear) {
        reading = { relation: 'know', negated: reading.negated };
        const background = languageBackground(kb, m.id);
        if (background && !result.background && !reading.negated) result.background = background;
      }
      // "no pytorch", "not tensorflow": a bare negation denies knowing it.
      if (!reading.relation && NEGATIONS.has(clause.tokens[m.start - 1] ?? '')) reading = { relation: 'know', negated: true };
      if (!reading.relation && carried && clause.joint !== 'sentence' && clause.joint !== 'start') {
        // A list goes on after a comma, negation included; after "but"/"only" the turn is positive.
        const ownNegation = reading.negated;
        reading = { relation: carried.relation, negated: ownNegation || (clause.joint === 'list' && carried.negated) };
      }
      if (!reading.relation && bare && (input.asksNext || hasFirstPersonStatement)) reading = { relation: 'know', negated: reading.negated };
      if (!reading.relation && DURATION.test(clause.text)) reading = { relation: 'know', negated: reading.negated };
      // A first-person statement counts whatever its verb ("I'm a python guy"), but "my own GPU box vs the cloud" states nothing.
      if (!reading.relation && clause.tokens.some((w) => SUBJECT_I.has(w)) && !/\b(vs|versus|or)\b/.test(clause.text)) reading = { relation: 'know', negated: reading.negated };
      if (!reading.relation) continue;
      // "been doing Python for 3 years": years of it are knowing it, whatever the verb.
      if (reading.relation === 'learning' && DURATION.test(clause.text)) reading = { relation: 'know', negated: reading.negated };
      clauseReading = reading;
      place(result, m.id, reading);
    }
    if (clauseReading) carried = clauseReading;
    else if (!bare) carried = undefined;
    // "pytorch (decent), huggingface (just started)": a short clause of only a cue qualifies the skills just named.
    const previous = input.matches[index - 1]?.filter((m) => m.kind === 'topic' || m.kind === 'related') ?? [];
    if (matches.length === 0 && previous.length > 0 && clause.tokens.length <= 3 && clause.joint !== 'sentence') {
      const qualifier = clause.tokens.map((w) => QUALIFIERS.get(w)).find((r) => r !== undefined);
      if (qualifier) {
        const reading = { relation: qualifier, negated: false };
        for (const m of previous) {
          for (const list of [result.known, result.learning, result.notKnown, result.wanted]) {
            const at = list.indexOf(m.id);
            if (at >= 0) list.splice(at, 1);
          }
          place(result, m.id, reading);
        }
      }
    }
  });

  for (const id of result.wanted) {
    // "I'm into NLP": wanting a topic that a goal focuses on sets that goal.
    const goal = kb.goals.find((g) => g.focus[0] === id) ?? kb.goals.find((g) => g.focus.includes(id));
    if (goal && !result.goal) result.goal = goal.id;
  }
  const unique = (ids: string[]) => [...new Set(ids)];
  result.notKnown = unique(result.notKnown);
  result.known = unique(result.known).filter((id) => !result.notKnown.includes(id));
  result.learning = unique(result.learning).filter((id) => !result.notKnown.includes(id) && !result.known.includes(id));
  result.wanted = unique(result.wanted).filter((id) => !result.known.includes(id) && !result.learning.includes(id));
  return result;
}

function place(result: Statements, id: string, reading: Reading): void {
  switch (reading.relation) {
    case 'know':
      (reading.negated ? result.notKnown : result.known).push(id);
      return;
    case 'learning':
      (reading.negated ? result.notKnown : result.learning).push(id);
      return;
    case 'want':
      if (!reading.negated) result.wanted.push(id);
      return;
    default:
      return;
  }
}

/** The background of someone who writes a language for a living: the one that assumes exactly that language. */
function languageBackground(kb: KnowledgeBase, topicId: string): string | undefined {
  if (!kb.choiceOf.get(topicId)) return undefined;
  return kb.backgrounds.find((b) => b.assumedKnown.includes(topicId) && b.assumedKnown.length === 2)?.id;
}

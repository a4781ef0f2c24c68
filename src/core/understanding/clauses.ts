/**
 * Splits a message into clauses, keeping what the punctuation and joining words said: where a sentence
 * ends, where a list goes on after a comma, where "but" turns the meaning, and which clauses ask.
 */
import { QUESTION_STARTS } from './lexicon';
import { clean, normalize } from './text';

/** How a clause is joined to the one before it. */
export type Joint = 'start' | 'sentence' | 'list' | 'contrast' | 'new-subject';

export interface Clause {
  /** Normalised text (see text.ts). */
  text: string;
  tokens: string[];
  joint: Joint;
  question: boolean;
}

/** Sentence ends: . ! ? ; and line breaks (a dot inside ".net" or "node.js" is not one). */
const SENTENCE_END = /([.!?;]+)(?=\s|$)|\n+/g;
const CONTRAST = /^(but|however|although|though|whereas|except|only|just|apart from|other than|besides)\b/;
/** A first-person subject after "and"/"also" starts a new statement: "I know Python and I'm learning PyTorch". */
const NEW_SUBJECT = /\s(?=(?:and|also|plus|so|then)\s+(?:i|i'm|im|i've|ive|i'd|my)\b)/;
const CONTRAST_SPLIT = /\s(?=(?:but|however|although|though|whereas|except)\b)/;
/** A question tacked onto a statement without punctuation: "i know python what should i learn". */
const QUESTION_SPLIT = /\s(?=(?:what|whats|what's|how|where|which|why|should i|can i|do i|is it)\b)/;
const ASKS = /^((ok|okay|so|well|hey|hi|pls|please|and|but|now|then) )*((give|tell|show|list|name|recommend|suggest) (me|us)\b|(explain|describe|list|name)\b)|\b(should i|do i need|can i|could i|is it|is there|are there|do you|can you|could you|would you|which one|or not|worth it)\b/;

export function splitClauses(input: string): Clause[] {
  const clauses: Clause[] = [];
  const text = clean(input).replace(/[()[\]{}]/g, ', ').replace(/\s[-–—]+\s/g, ', ');
  let last = 0;
  const sentences: { body: string; end: string }[] = [];
  for (const m of text.matchAll(SENTENCE_END)) {
    sentences.push({ body: text.slice(last, m.index), end: m[1] ?? '' });
    last = m.index! + m[0].length;
  }
  sentences.push({ body: text.slice(last), end: '' });
  for (const { body, end } of sentences) {
    const asked = end.includes('?');
    const pieces = body.split(/[,:]/);
    pieces.forEach((piece, p) => {
      const parts = piece
        .split(CONTRAST_SPLIT)
        .flatMap((part) => part.split(NEW_SUBJECT))
        .flatMap((part, i, all) => (i === all.length - 1 || !/\S/.test(part) ? splitQuestion(part) : [part]));
      parts.forEach((part, i) => {
        const norm = normalize(part.replace(/^\s*(and|also|plus|so|then)\s+(?=(i|i'm|im|i've|ive|i'd|my)\b)/i, ''));
        if (norm === '') return;
        const isLastOfSentence = p === pieces.length - 1 && i === parts.length - 1;
        const joint: Joint =
          clauses.length === 0 ? 'start' : CONTRAST.test(norm) || /\b(only|just)$/.test(norm) ? 'contrast' : i > 0 ? (QUESTION_STARTS.has(norm.split(' ')[0]!) ? 'sentence' : 'new-subject') : p > 0 ? 'list' : 'sentence';
        const [first = '', second = ''] = norm.split(' ');
        // "did a couple of tutorials" drops its subject; "did you..." asks.
        const auxiliaryStatement = /^(did|done)$/.test(first) && !/^(i|you|u|we|they|he|she|it|anyone|people|ml|companies)$/.test(second);
        const question = (asked && isLastOfSentence) || (QUESTION_STARTS.has(first) && !/^(any|please|pls)$/.test(first) && !auxiliaryStatement) || ASKS.test(norm);
        clauses.push({ text: norm, tokens: norm.split(' '), joint, question });
      });
    });
  }
  return clauses;
}

/** "i know python what should i learn": the question starts where a question word follows a statement. */
function splitQuestion(part: string): string[] {
  const m = QUESTION_SPLIT.exec(part);
  if (!m || m.index === 0 || normalize(part.slice(0, m.index)).split(' ').length < 2) return [part];
  return [part.slice(0, m.index), part.slice(m.index)];
}

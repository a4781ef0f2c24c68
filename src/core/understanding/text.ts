/** Text normalisation shared by alias matching, intent rules and retrieval. */

// Control characters are exactly what this strips.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The longest message the understanding layer reads; beyond this, a question is not a question. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Removes control, zero-width and bidi characters and folds white space. Keeps case. */
export function clean(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Lower-cased, punctuation-light form used for matching ("Hugging-Face!" -> "hugging face"). */
export function normalize(input: string): string {
  return clean(input)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    // "python+pytorch" lists two things; "c++" stays one.
    .replace(/(?<=\p{L})\+(?=\p{L})/gu, ' + ')
    // Possessives name the thing itself: "spaCy's models" are spaCy's.
    .replace(/(\p{L})'s\b/gu, '$1')
    .replace(/[^\p{L}\p{N}'.#+\s-]/gu, ' ')
    // Keep a leading dot (".net") but drop sentence punctuation ("pytorch." / "'quoted'").
    .replace(/(^|\s)[-']+|[-.']+(?=\s|$)/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokenize(input: string): string[] {
  const n = normalize(input);
  return n === '' ? [] : n.split(' ');
}

/** Common English words: never matched fuzzily against aliases ("space" is not "spacy"), ignored by retrieval. */
export const STOPWORDS = new Set(
  `a about after again all also am an and any are as at be because been before being between both but by can
  could did do does doing done each few for from further get got had has have having he her here hers him his how
  i i'd i'm i've if in into is it it's its itself just know learn learning like me more most my myself need no nor not
  now of off on once only or other our out over own please same she should so some such than that the their them
  then there these they this those through to too under until up very was we were what when where which while who
  whom why will with would you your yours yourself tell show give want wants use used using good best way ways
  thing things really much many lot lots one two also start started starting make making take should shall may
  might must could years year time times work works word words please thanks thank hello hi hey
  explain describe define whats thing stuff exactly actually even tho though lol pls`.split(/\s+/),
);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "pytroch" ~ "pytorch"). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** How many typos a word of this length may carry and still match: none for short words. */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

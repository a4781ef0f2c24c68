/**
 * Finds the knowledge base's named things (topics, backgrounds, goals, roles) in free text, tolerating
 * typos ("pytroch", "hugging fase") but never matching common words fuzzily.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { COMMON_WORDS } from './lexicon';
import { editDistance, normalize, tokenize, typoBudget } from './text';

/** `related`: a word that means a topic only in a statement ("pandas" for Python); `task`: a job tools are named for. */
export type EntityKind = 'topic' | 'related' | 'task' | 'explanation' | 'background' | 'goal' | 'role';

export interface EntityMatch {
  kind: EntityKind;
  id: string;
  /** Token positions [start, end) in the tokenized text. */
  start: number;
  end: number;
  exact: boolean;
  /** The phrase is also an everyday word ("torch", "spark", "java"): it names the topic only in a tech context. */
  needsContext: boolean;
}

interface AliasEntry {
  kind: EntityKind;
  id: string;
  phrase: string;
  tokens: number;
  letters: number;
  needsContext: boolean;
}

/**
 * A plain English word is never a typo of an alias ("space" is not spaCy); a phrase may be, word by word
 * ("hugging fase"), since a whole phrase lining up with an alias is no coincidence.
 */
const mayBeTypo = (gram: string) => gram.includes(' ') || !COMMON_WORDS.has(gram);

/** A 32-bit set of the characters in a string: a cheap filter before the edit-distance check. */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 32);
  return mask;
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}

/** How many n-grams' fuzzy lookups are remembered; users repeat the same words all day. */
const FUZZY_MEMO_SIZE = 10_000;

export class AliasIndex {
  private readonly exact = new Map<string, AliasEntry[]>();
  /** Fuzzy candidates grouped by token count, so an n-gram is compared only with aliases of its own size. */
  private readonly fuzzyByTokens = new Map<number, AliasEntry[]>();
  private readonly maxTokens: number;
  private readonly fuzzyMemo = new Map<string, AliasEntry | null>();

  constructor(kb: KnowledgeBase) {
    const add = (kind: EntityKind, id: string, phrases: string[], everyday: string[] = []) => {
      const contextual = new Set(everyday.map(normalize));
      for (const raw of phrases) {
        const phrase = normalize(raw);
        if (!phrase) continue;
        const tokens = phrase.split(' ').length;
        const needsContext = contextual.has(phrase) || (tokens === 1 && COMMON_WORDS.has(phrase));
        const entry: AliasEntry = { kind, id, phrase, tokens, letters: letterMask(phrase), needsContext };
        const list = this.exact.get(phrase) ?? [];
        if (!list.some((e) => e.kind === kind && e.id === id)) list.push(entry);
        this.exact.set(phrase, list);
        if (typoBudget(phrase.replace(/ /g, '').length) > 0) {
          const group = this.fuzzyByTokens.get(entry.tokens) ?? [];
          group.push(entry);
          this.fuzzyByTokens.set(entry.tokens, group);
        }
      }
    };
    for (const t of kb.topics) {
      add('topic', t.id, [t.id.replace(/-/g, ' '), t.name, ...t.aliases], t.needsContext);
      add('related', t.id, t.relatedTerms, t.relatedTerms);
    }
    for (const task of kb.tasks) add('task', task.id, task.aliases);
    for (const e of kb.explanations) add('explanation', e.id, e.names);
    for (const b of kb.backgrounds) add('background', b.id, [b.name, ...b.aliases]);
    for (const g of kb.goals) add('goal', g.id, [g.name, ...g.aliases]);
    for (const r of kb.roles) add('role', r.id, [r.name, ...r.aliases]);
    this.maxTokens = Math.max(1, ...[...this.exact.values()].flat().map((e) => e.tokens));
  }

  /** All non-overlapping matches, longest and exact first, in text order. */
  find(text: string): EntityMatch[] {
    const tokens = tokenize(text);
    const candidates: (EntityMatch & { length: number })[] = [];
    for (let n = Math.min(this.maxTokens, tokens.length); n >= 1; n--) {
      for (let start = 0; start + n <= tokens.length; start++) {
        const gram = tokens.slice(start, start + n).join(' ');
        // "yolov5", "python3.11": a version number after a name is still the name.
        // Plurals name the same thing ("programming languages", "data pipeline").
        const exact =
          this.exact.get(gram) ??
          (n === 1 ? this.exact.get(gram.replace(/(?<=[a-z]{2})v?\d+(\.\d+)*$/, '')) : undefined) ??
          (gram.length > 4 && gram.endsWith('s') && !gram.endsWith('ss') ? this.exact.get(gram.slice(0, -1)) : undefined);
        if (exact) {
          for (const e of exact) candidates.push({ kind: e.kind, id: e.id, start, end: start + n, exact: true, length: gram.length, needsContext: e.needsContext });
          continue;
        }
        if (!mayBeTypo(gram)) continue;
        const best = this.fuzzyLookup(gram, n);
        if (best) candidates.push({ kind: best.kind, id: best.id, start, end: start + n, exact: false, length: gram.length, needsContext: best.needsContext });
      }
    }
    candidates.sort((a, b) => Number(b.exact) - Number(a.exact) || b.end - b.start - (a.end - a.start) || b.length - a.length || a.start - b.start);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const chosen: EntityMatch[] = [];
    for (const c of candidates) {
      let free = true;
      for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
      // The same phrase may name several kinds (a role and a background): keep each kind once.
      const twin = chosen.find((m) => m.start === c.start && m.end === c.end && m.kind !== c.kind);
      if (!free && !twin) continue;
      for (let i = c.start; i < c.end; i++) taken[i] = true;
      chosen.push({ kind: c.kind, id: c.id, start: c.start, end: c.end, exact: c.exact, needsContext: c.needsContext });
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  /** The closest alias within the typo budget, if any; remembered per n-gram. */
  private fuzzyLookup(gram: string, tokens: number): AliasEntry | undefined {
    const memo = this.fuzzyMemo.get(gram);
    if (memo !== undefined) return memo ?? undefined;
    const budget = typoBudget(gram.replace(/ /g, '').length);
    let best: AliasEntry | undefined;
    if (budget > 0) {
      const mask = letterMask(gram);
      let bestDistance = budget + 1;
      for (const e of this.fuzzyByTokens.get(tokens) ?? []) {
        // Related words are matched as written, never as typos.
        if (e.kind === 'related') continue;
        const allowed = Math.min(budget, typoBudget(e.phrase.replace(/ /g, '').length));
        // Each edit can add or remove at most one distinct character: skip aliases that differ in more.
        if (popcount(mask & ~e.letters) > allowed || popcount(e.letters & ~mask) > allowed) continue;
        const d = editDistance(gram, e.phrase, allowed);
        if (d <= allowed && d < bestDistance && tokensAlike(gram, e.phrase)) {
          best = e;
          bestDistance = d;
        }
      }
    }
    if (this.fuzzyMemo.size >= FUZZY_MEMO_SIZE) this.fuzzyMemo.clear();
    this.fuzzyMemo.set(gram, best ?? null);
    return best;
  }

  /** Topic ids mentioned in the text, in order, without repeats. */
  topics(text: string): string[] {
    return unique(this.find(text).filter((m) => m.kind === 'topic').map((m) => m.id));
  }

  /**
   * Resolves a command argument naming one or several topics ("r and julia, and the java stuff"): every
   * word must belong to a topic or be a joining word, so "with that" or a sentence is not a topic list.
   */
  resolveTopics(text: string): string[] | undefined {
    const one = this.resolveTopic(text);
    if (one) return [one];
    const tokens = tokenize(text);
    const matches = this.find(text).filter((m) => m.kind === 'topic');
    const covered = new Set<number>();
    for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
    const filler = /^(and|or|also|too|plus|the|a|an|of|stuff|things?|bits?|parts?|&|\+|as|well|both|all)$/;
    if (matches.length === 0 || !tokens.every((t, i) => covered.has(i) || filler.test(t))) return undefined;
    return unique(matches.map((m) => m.id));
  }

  /** Resolves a user's topic argument ("PyTorch", "pytroch", "hugging-face-transformers") to one topic id. */
  resolveTopic(text: string): string | undefined {
    const n = normalize(text);
    const direct = this.exact.get(n)?.find((e) => e.kind === 'topic') ?? this.exact.get(n.replace(/ /g, '-'))?.find((e) => e.kind === 'topic');
    if (direct) return direct.id;
    const found = this.find(text).filter((m) => m.kind === 'topic');
    return found.length === 1 ? found[0]!.id : undefined;
  }
}

/** Word by word, each within its own typo budget: "bi developer" is not "r developer". */
function tokensAlike(gram: string, phrase: string): boolean {
  const a = gram.split(' ');
  const b = phrase.split(' ');
  if (a.length !== b.length) return true;
  return a.every((w, i) => {
    const longest = Math.max(w.length, b[i]!.length);
    // Inside a phrase a short word may carry one typo ("fase"), a tiny one none ("bi" is not "r").
    const budget = longest < 3 ? 0 : Math.max(1, typoBudget(longest));
    // A different real word is not a typo ("the clouds" is not "the cloud").
    return w === b[i] || (!COMMON_WORDS.has(w) && editDistance(w, b[i]!, budget) <= budget);
  });
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

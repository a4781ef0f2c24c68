/**
 * The knowledge base's names the guard protects: topic names, the tools and models listed in them
 * ("Object detection models (YOLO, Mask R-CNN)") and single-word aliases that are names (pyspark, torch).
 * Generic words among the aliases ("coding", "cloud") are left out, or every natural sentence would trip.
 */
import type { KnowledgeBase } from '../knowledge/load';

const GENERIC = new Set(['coding', 'programming', 'code', 'cloud', 'pipelines', 'imputation', 'transformers', 'fine-tuning', 'finetuning', 'fine-tune', 'fine-tuned', 'ml', 'dl', 'nlp', 'etl']);
const MIN_ALIAS_LENGTH = 3;

export interface Vocabulary {
  /** Lower-case names, longest first. */
  names: string[];
  /** Each name as a whole-word pattern, compiled once: the guard runs them on every answer. */
  patterns: { name: string; pattern: RegExp }[];
  /** Topic id -> its display name, for the recommended next step. */
  topicName: Map<string, string>;
}

export function vocabularyOf(kb: KnowledgeBase): Vocabulary {
  const names = new Set<string>();
  for (const topic of kb.topics) {
    const listed = /\(([^)]*)\)/.exec(topic.name)?.[1];
    names.add(topic.name.toLowerCase());
    names.add(topic.name.replace(/\s*\([^)]*\)/, '').toLowerCase());
    for (const item of listed?.split(',') ?? []) names.add(item.trim().toLowerCase());
    for (const alias of topic.aliases) if (!alias.includes(' ') && alias.length >= MIN_ALIAS_LENGTH) names.add(alias.toLowerCase());
  }
  for (const word of GENERIC) names.delete(word);
  names.delete('');
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return { names: sorted, patterns: sorted.map((name) => ({ name, pattern: wholeWord(name) })), topicName: new Map(kb.topics.map((t) => [t.id, t.name])) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches `name` as a word of lower-case text: "spark" is in "use spark," but not in "sparkle". */
function wholeWord(name: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${escape(name)}(?![a-z0-9])`);
}

/** The knowledge-base names that stand in a lower-case text. */
export function namesIn(vocabulary: Vocabulary, text: string): Set<string> {
  // `includes` first: most names are absent, and a substring scan is far cheaper than the lookaround pattern.
  return new Set(vocabulary.patterns.filter((p) => text.includes(p.name) && p.pattern.test(text)).map((p) => p.name));
}

/**
 * Full-text retrieval over the knowledge base (BM25), for questions that name no topic outright:
 * "why do ML engineers work in the cloud?", "who is hiring?".
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { STOPWORDS, tokenize } from './text';

export interface RetrievalHit {
  kind: 'explanation' | 'topic';
  id: string;
  score: number;
  /** How many of the query's content words this document contains, of how many. */
  matched: number;
  queryTerms: number;
}

interface Doc {
  kind: RetrievalHit['kind'];
  id: string;
  terms: Map<string, number>;
  length: number;
}

/** A light stemmer: enough to meet "models"/"model", "pipelines"/"pipeline", "engineers"/"engineer". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function terms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(stem);
}

const K1 = 1.2;
const B = 0.75;

export class Retriever {
  private readonly docs: Doc[] = [];
  private readonly idf = new Map<string, number>();
  private readonly avgLength: number;

  constructor(kb: KnowledgeBase) {
    const add = (kind: Doc['kind'], id: string, weighted: [string, number][]) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const [text, weight] of weighted) {
        for (const term of terms(text)) {
          counts.set(term, (counts.get(term) ?? 0) + weight);
          length += weight;
        }
      }
      this.docs.push({ kind, id, terms: counts, length });
    };
    // Questions and keywords are what users type, so they weigh more than the answer's prose.
    for (const e of kb.explanations) add('explanation', e.id, [[e.question, 3], [e.keywords.join(' '), 3], [e.answer, 1]]);
    for (const t of kb.topics) add('topic', t.id, [[t.name, 3], [t.aliases.join(' '), 3], [t.summary, 1], [t.whyItMatters, 1]]);

    const df = new Map<string, number>();
    for (const doc of this.docs) for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = this.docs.length;
    for (const [term, count] of df) this.idf.set(term, Math.log(1 + (n - count + 0.5) / (count + 0.5)));
    this.avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
  }

  search(text: string, limit = 3): RetrievalHit[] {
    const query = [...new Set(terms(text))];
    if (query.length === 0) return [];
    const hits: RetrievalHit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let matched = 0;
      for (const term of query) {
        const tf = doc.terms.get(term);
        if (!tf) continue;
        matched++;
        const idf = this.idf.get(term) ?? 0;
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
      }
      if (score > 0) hits.push({ kind: doc.kind, id: doc.id, score, matched, queryTerms: query.length });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

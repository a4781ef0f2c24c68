/**
 * Slack mrkdwn helpers. Slack asks apps to escape exactly three characters (`&`, `<`, `>`); with those
 * escaped, `<!channel>`, `<!here>` or `<@U123>` typed by a user are shown as text and ping nobody.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const SPECIAL = /[&<>]/;

export function escapeMrkdwn(text: string): string {
  // Most text has nothing to escape: skip the replace (this runs for every line of every answer).
  return SPECIAL.test(text) ? text.replace(/[&<>]/g, (ch) => ENTITIES[ch]!) : text;
}

/** Slack sends user text escaped (`&lt;`); the core wants what the user typed. `&amp;` goes last on purpose. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Length of `text` once escaped; additive over concatenation, which the splitter relies on. */
export function escapedLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 38 /* & */) length += 4;
    else if (code === 60 /* < */ || code === 62 /* > */) length += 3;
  }
  return length;
}

/**
 * A `<url|title>` link. Only http(s) URLs become links; characters that would end the link early (`|`, `>`)
 * or open a new one (`<`) are percent-encoded, `&` is entity-escaped as Slack itself does.
 */
export function mrkdwnLink(url: string, title: string): string {
  const label = escapeMrkdwn(title.trim() || url);
  if (!/^https?:\/\/[^\s]+$/i.test(url.trim())) return `${label} (${escapeMrkdwn(url)})`;
  const safeUrl = url
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\|/g, '%7C');
  return `<${safeUrl}|${label}>`;
}

const SEPARATORS = ['\n\n', '\n', ' '] as const;

/**
 * Splits raw (unescaped) text into chunks whose measured length is at most `limit`, preferring paragraph,
 * then line, then word boundaries, and only as a last resort cutting inside a word (by code point, so an
 * emoji is never cut in half). Chunks are trimmed; blank chunks are dropped.
 */
export function splitText(text: string, limit: number, measure: (s: string) => number = escapedLength): string[] {
  if (limit < 1) throw new Error('splitText: limit must be positive');
  if (measure(text) <= limit) {
    const trimmed = text.trim();
    return trimmed === '' ? [] : [trimmed];
  }
  return splitAt(text, limit, measure, 0)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function splitAt(text: string, limit: number, measure: (s: string) => number, level: number): string[] {
  if (measure(text) <= limit) return [text];
  const separator = SEPARATORS[level];
  if (separator === undefined) return hardSplit(text, limit, measure);
  const parts = text.split(separator);
  if (parts.length === 1) return splitAt(text, limit, measure, level + 1);
  const sepLength = measure(separator);
  const chunks: string[] = [];
  let current: string[] = [];
  let currentLength = 0;
  for (const part of parts) {
    const partLength = measure(part);
    const grown = current.length === 0 ? partLength : currentLength + sepLength + partLength;
    if (grown <= limit) {
      current.push(part);
      currentLength = grown;
      continue;
    }
    if (current.length > 0) chunks.push(current.join(separator));
    current = [part];
    currentLength = partLength;
  }
  if (current.length > 0) chunks.push(current.join(separator));
  // A single part may still be too long: split it at the next finer boundary.
  return chunks.flatMap((chunk) => (measure(chunk) <= limit ? [chunk] : splitAt(chunk, limit, measure, level + 1)));
}

function hardSplit(text: string, limit: number, measure: (s: string) => number): string[] {
  const chunks: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const ch of text) {
    const length = measure(ch);
    if (currentLength + length > limit && current !== '') {
      chunks.push(current);
      current = '';
      currentLength = 0;
    }
    current += ch;
    currentLength += length;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Cuts plain text to at most `limit` code units, at a word boundary when there is one, marking the cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const points = Array.from(text);
  let out = '';
  for (const ch of points) {
    if (out.length + ch.length > limit - 1) break;
    out += ch;
  }
  const space = out.lastIndexOf(' ');
  if (space > limit / 2) out = out.slice(0, space);
  return `${out}…`;
}

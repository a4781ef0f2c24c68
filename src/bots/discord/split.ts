/**
 * Cutting (already escaped) markdown into pieces that fit a Discord limit without losing a character:
 * at a paragraph or line break when one is near the end, else at a space, else anywhere that does not
 * split a surrogate pair or separate a backslash from the character it escapes.
 */

/** The largest safe hard-cut position at or below `at`. */
function safeCut(text: string, at: number): number {
  let cut = at;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // high surrogate: keep the pair together
  let slashes = 0;
  while (cut - 1 - slashes >= 0 && text[cut - 1 - slashes] === '\\') slashes++;
  if (slashes % 2 === 1) cut--; // a lone trailing backslash would escape the next chunk's first character
  return Math.max(cut, 1);
}

export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('splitText needs a limit of at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const paragraph = window.lastIndexOf('\n\n');
    const line = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    // Prefer the most natural break that still fills at least half the chunk.
    const half = max / 2;
    const at = [paragraph, line, space].find((i) => i >= half) ?? Math.max(line, space);
    if (at > 0) {
      chunks.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).replace(/^\s+/, '');
    } else {
      const cut = safeCut(rest, max);
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks.filter((c, i, all) => c.length > 0 || all.length === 1);
}

/** Shortens to `max` characters with an ellipsis; for labels, where losing the tail is acceptable. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1))}…`;
}

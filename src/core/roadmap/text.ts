/**
 * Text measuring for the roadmap without a font engine: SVG has no automatic line wrapping, and the core
 * stays free of native code, so label widths are estimated from per-character classes of Inter. The
 * estimates lean wide on purpose: a line that wraps a word early looks fine, one that runs out of its box
 * overlaps its neighbour.
 */

/** Width of one character in em, for Inter (regular; bold adds BOLD_FACTOR). */
function charEm(char: string): number {
  if (' .,:;\'|!ijlI()[]'.includes(char)) return 0.32;
  if ('ftr-'.includes(char)) return 0.42;
  if ('mwMW@%'.includes(char)) return 0.92;
  if (/[A-Z&0-9]/.test(char)) return 0.72;
  return 0.6;
}

const BOLD_FACTOR = 1.08;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** Greedy word wrap to `maxWidth`; a single word wider than the line is cut by characters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (textWidth(line, fontSize, bold) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), fontSize, bold) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Text content and attribute values in SVG are XML: the knowledge base's "&" must become "&amp;". */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

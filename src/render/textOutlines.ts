/**
 * Text drawn as cached outlines. Building resvg's tree for a picture spends most of its time shaping and
 * outlining text (~0.2 ms per label even with the subset fonts: resvg reads the font file again for each
 * glyph). The roadmap's labels repeat from learner to learner (topic names, stage names, the legend), so
 * each label is outlined once, by resvg itself (`toString()` writes text as paths), and later pictures
 * get the outline as a path placed where the label goes: the same pixels, no font work.
 *
 * Only `<text>` elements with plain content, one x and one y, and no transform, style or class are replaced
 * (anything else is left to resvg), and their styling must be their own attributes: only the root's
 * font-family is assumed, as in the roadmap's SVG.
 */
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/roadmap/svg';

const TEXT = /<text([^>]*)>([^<]*)<\/text>/g;
const POSITION = /\s(x|y)="(-?[\d.]+)"/g;

/** Labels kept: the roadmap has about a hundred distinct ones, the subtitle one per count and next step. */
const CAPACITY = 4000;

const outlines = new Map<string, string>();

/** resvg's own rendering of each label at the origin, as SVG shapes. */
function outlineAll(Resvg: typeof ResvgClass, options: ResvgRenderOptions, labels: string[]): void {
  // One tree for all of a picture's new labels: each resvg instance loads the fonts anew.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" font-family="${FONT_FAMILY}">${labels
    .map((label, i) => `<g id="o${i}"><text x="0" y="0"${label}</text></g>`)
    .join('')}</svg>`;
  const tree = new Resvg(svg, { font: options.font }).toString();
  // resvg writes one element per line, indented by depth: the labels' groups are the root's children.
  for (const [, index, body] of tree.matchAll(/^ {4}<g id="o(\d+)"(?:\/>|>\n([\s\S]*?)\n {4}<\/g>)$/gm)) {
    // Coordinates cut to 1/100 of a unit (under 1/100 of a pixel) and path data without spaces that carry
    // nothing: ~45% less SVG for every later picture to join and parse.
    const shapes = (body ?? '')
      .replace(/\n\s*/g, '')
      .replace(/<path([^>]*?) d="([^"]*)"/g, (whole, attributes: string, d: string) => {
        const compact = /\btransform=/.test(attributes) ? undefined : compactPath(d);
        return compact === undefined ? whole : `<path${attributes} transform="scale(.01)" d="${compact}"`;
      });
    outlines.set(labels[Number(index)]!, shapes.trim());
  }
  while (outlines.size > CAPACITY) outlines.delete(outlines.keys().next().value!);
}

/**
 * A path's data in hundredths of a unit, as integer steps from point to point: "M9.39 0L9.39-8.75" becomes
 * "m939 0l0-875" (drawn under scale(.01)). The same points as resvg's, each rounded to 1/100 of a unit
 * (under 1/100 of a pixel), in about half the characters: every later picture joins and parses less.
 * Undefined for data with anything but the absolute M, L, Q, C and Z that resvg writes.
 */
export function compactPath(d: string): string | undefined {
  const ARGS: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  if (tokens.join('').length !== d.replace(/[\s,]/g, '').length) return undefined;
  let out = '';
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let previous = '';
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i++]!;
    const count = ARGS[command];
    if (count === undefined) return undefined;
    // A segment of the same kind as the one before needs no letter (SVG repeats the last command; after
    // a move that would be a line, so moves always keep theirs).
    const repeated = command === previous && command !== 'M' && command !== 'Z';
    previous = command;
    if (!repeated) out += command.toLowerCase();
    if (command === 'Z') {
      [x, y] = [startX, startY];
      continue;
    }
    const args = tokens.slice(i, i + count).map((t) => Math.round(Number(t) * 100));
    if (args.length !== count || args.some((n) => !Number.isFinite(n))) return undefined;
    i += count;
    // Every point of the segment is relative to where the segment starts.
    out += args.map((n, k) => (k % 2 === 0 ? n - x : n - y)).map((n, k) => ((k > 0 || repeated) && n >= 0 ? ` ${n}` : String(n))).join('');
    [x, y] = [args[count - 2]!, args[count - 1]!];
    if (command === 'M') [startX, startY] = [x, y];
  }
  return out;
}

/** `svg` with every plain label replaced by its (cached) outline. */
export function outlineText(svg: string, Resvg: typeof ResvgClass, options: ResvgRenderOptions): string {
  const texts = [...svg.matchAll(TEXT)].flatMap((match) => {
    const at = { x: '', y: '' };
    const style = match[1]!.replace(POSITION, (_m, axis: 'x' | 'y', value: string) => {
      at[axis] = value;
      return '';
    });
    // Only a label placed by one x and one y and styled by its own attributes is the same wherever it goes.
    if (!at.x || !at.y || /\b(transform|dx|dy|rotate|style|class|id)=/.test(style)) return [];
    return [{ match, at, label: `${style}>${match[2]!}` }];
  });
  const missing = [...new Set(texts.map((t) => t.label).filter((label) => !outlines.has(label)))];
  if (missing.length > 0) outlineAll(Resvg, options, missing);
  const parts: string[] = [];
  let from = 0;
  for (const { match, at, label } of texts) {
    const shapes = outlines.get(label);
    // A label resvg gave nothing back for stays text: resvg draws it as before.
    if (shapes === undefined) continue;
    parts.push(svg.slice(from, match.index), shapes && `<g transform="translate(${at.x} ${at.y})">${shapes}</g>`);
    from = match.index + match[0].length;
  }
  parts.push(svg.slice(from));
  return parts.join('');
}

/**
 * Text drawn as cached outlines. Building resvg's tree for a picture spends most of its time shaping and
 * outlining text (~0.2 ms per label even with the subset fonts: resvg reads the font file again for each
 * glyph). The roadmap's labels repeat from learner to learner (topic names, stage names, the legend), so
 * each label is outlined once, by resvg itself (`toString()` writes text as paths), and later pictures
 * get the outline as a path placed where the label goes: the same pixels, no font work. (png.ts goes one
 * step further and draws each outline once, as a tile: labelTiles.ts.)
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

/** A box in SVG units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Outline {
  shapes: string;
  /** Around every point of the outline's paths, control points included: never too small. Undefined when
   *  a path is placed by a transform of resvg's own. */
  box?: Box;
}

const outlines = new Map<string, Outline>();

/** The box around a path's points; its data must hold only absolute commands with coordinate pairs (M L Q C Z). */
function pointsBox(d: string, box: { minX: number; minY: number; maxX: number; maxY: number }): void {
  const numbers = d.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const [x, y] = [Number(numbers[i]), Number(numbers[i + 1])];
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  }
}

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
    const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    let boxUnknown = /\btransform=/.test(body ?? '');
    const shapes = (body ?? '')
      .replace(/\n\s*/g, '')
      .replace(/<path([^>]*?) d="([^"]*)"/g, (whole, attributes: string, d: string) => {
        const compact = /\btransform=/.test(attributes) ? undefined : compactPath(d);
        if (compact === undefined) {
          boxUnknown = true;
          return whole;
        }
        pointsBox(d, bounds);
        return `<path${attributes} transform="scale(.01)" d="${compact}"`;
      });
    const box = boxUnknown || bounds.minX > bounds.maxX ? undefined : { x: bounds.minX, y: bounds.minY, width: bounds.maxX - bounds.minX, height: bounds.maxY - bounds.minY };
    outlines.set(labels[Number(index)]!, { shapes: shapes.trim(), box });
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

/** A plain label of a picture: where it stands in the SVG's text, where it is drawn, and its outline. */
export interface PlacedLabel {
  /** The label's styling and text: the same key wherever it stands. */
  key: string;
  /** Its outline at the origin, as SVG shapes (empty when resvg drew nothing for it, e.g. only spaces). */
  shapes: string;
  /** The box around the outline, when known (see Outline). */
  box?: Box;
  x: number;
  y: number;
  /** Where its `<text>` element starts and ends in the SVG. */
  start: number;
  end: number;
}

/** The plain labels of `svg`, in order, each with its (cached) outline; new labels are outlined first. */
export function placedLabels(svg: string, Resvg: typeof ResvgClass, options: ResvgRenderOptions): PlacedLabel[] {
  const texts = [...svg.matchAll(TEXT)].flatMap((match) => {
    const at = { x: '', y: '' };
    const style = match[1]!.replace(POSITION, (_m, axis: 'x' | 'y', value: string) => {
      at[axis] = value;
      return '';
    });
    // Only a label placed by one x and one y and styled by its own attributes is the same wherever it goes.
    if (!at.x || !at.y || /\b(transform|dx|dy|rotate|style|class|id)=/.test(style)) return [];
    return [{ match, at, key: `${style}>${match[2]!}` }];
  });
  const missing = [...new Set(texts.map((t) => t.key).filter((key) => !outlines.has(key)))];
  if (missing.length > 0) outlineAll(Resvg, options, missing);
  return texts.flatMap(({ match, at, key }) => {
    const outline = outlines.get(key);
    // A label resvg gave nothing back for stays text: resvg draws it as before.
    if (outline === undefined) return [];
    return [{ key, ...outline, x: Number(at.x), y: Number(at.y), start: match.index, end: match.index + match[0].length }];
  });
}

/** `svg` with each of `labels` (found in it by `placedLabels`) replaced by what `replacement` gives. */
export function replaceLabels(svg: string, labels: PlacedLabel[], replacement: (label: PlacedLabel) => string): string {
  const parts: string[] = [];
  let from = 0;
  for (const label of labels) {
    parts.push(svg.slice(from, label.start), replacement(label));
    from = label.end;
  }
  parts.push(svg.slice(from));
  return parts.join('');
}

/** The label's outline where the label stands. */
export function outlineInPlace(label: PlacedLabel): string {
  return label.shapes && `<g transform="translate(${label.x} ${label.y})">${label.shapes}</g>`;
}

/** `svg` with every plain label replaced by its (cached) outline. */
export function outlineText(svg: string, Resvg: typeof ResvgClass, options: ResvgRenderOptions): string {
  return replaceLabels(svg, placedLabels(svg, Resvg, options), outlineInPlace);
}

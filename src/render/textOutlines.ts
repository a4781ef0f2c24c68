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
      .replace(/ d="([^"]*)"/g, (_m, d: string) => ` d="${d.replace(/(\.\d\d)\d+/g, '$1').replace(/ ?([A-Za-z]) ?/g, '$1').replace(/ -/g, '-')}"`);
    outlines.set(labels[Number(index)]!, shapes.trim());
  }
  while (outlines.size > CAPACITY) outlines.delete(outlines.keys().next().value!);
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

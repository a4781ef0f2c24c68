/**
 * SVG -> PNG with resvg (a native renderer shipped prebuilt inside its npm package: nothing is fetched at
 * run time). Fonts come only from the Inter package in our dependencies, never from the system, so the
 * picture is the same on every machine and labels keep the widths the layout planned for.
 *
 * resvg draws the picture without its plain labels; each label is then laid on from its cached tile
 * (labelTiles.ts), outlined from the fonts the first time it was seen (textOutlines.ts).
 */
import type { RenderedImage } from '@resvg/resvg-js';
import { loadResvg } from './resvg';
import { RENDER_OPTIONS } from './renderOptions';
import { encodePng } from './pngEncode';
import { outlineInPlace, outlineText, placedLabels, replaceLabels, type PlacedLabel } from './textOutlines';
import { drawLabels, type TileLabel } from './labelTiles';

export { RENDER_OPTIONS, RENDER_SCALE } from './renderOptions';

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

export interface Pixels {
  /** RGBA, premultiplied (the picture paints an opaque background, so the same as straight). */
  pixels: Buffer;
  width: number;
  height: number;
}

/** A page left with no text needs no fonts: resvg would read the font files for nothing. */
const SHAPES_ONLY_OPTIONS = { ...RENDER_OPTIONS, font: { loadSystemFonts: false } };

/** The root's size in user units, when its user units are its pixels (no viewBox, or one that maps 1:1). */
function rootSize(svg: string): { width: number; height: number } | undefined {
  const root = /^<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  const [width, height, viewBox] = [Number(attribute('width')), Number(attribute('height')), attribute('viewBox')];
  if (!(width > 0 && height > 0)) return undefined;
  if (viewBox !== undefined && viewBox.trim().split(/[\s,]+/).map(Number).join(' ') !== `0 0 ${width} ${height}`) return undefined;
  return { width, height };
}

interface Page {
  /** What resvg draws, and the options it needs for it. */
  svg: string;
  options: typeof RENDER_OPTIONS;
  /** The labels to lay on afterwards, and the SVG's size (to know how resvg scaled it). */
  labels: TileLabel[];
  size?: { width: number; height: number };
}

/**
 * Where the labels start whose own x, y and attributes say all about how they are drawn: labels within
 * groups that carry nothing but data (a group's transform, opacity or fill would reach its labels, which a
 * tile does not know of). Undefined for an SVG with anything but simple shapes, text and groups (a `<use>`
 * could repeat a label elsewhere, a `<defs>` hold one that is never drawn). Tiles also go on top of the
 * picture: fine for pictures that draw nothing over their labels, as the roadmap (labelTiles.test.ts).
 */
function standAloneLabels(svg: string): Set<number> | undefined {
  const standAlone = new Set<number>();
  /** For each open group: whether it and all groups around it are plain. */
  const plain: boolean[] = [];
  for (const tag of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, attributes, selfClosing] = tag;
    // A nested <svg> is a viewport of its own: a transform, in effect.
    if (!SIMPLE_ELEMENTS.has(name!) || (name === 'svg' && !closing && tag.index !== 0)) return undefined;
    if (name !== 'g') {
      if (name === 'text' && !closing && plain.every(Boolean)) standAlone.add(tag.index);
      continue;
    }
    if (closing) plain.pop();
    else if (!selfClosing) plain.push(attributes!.replace(/\s(?:data-[\w-]+|id)="[^"]*"/g, '').trim() === '');
  }
  return standAlone;
}

const SIMPLE_ELEMENTS = new Set(['svg', 'g', 'rect', 'circle', 'ellipse', 'line', 'path', 'polyline', 'polygon', 'text']);

/**
 * The SVG without its stand-alone labels, which tiles draw, and its other plain labels as outlines; when
 * its units are not its pixels, or it has more than simple shapes, all its labels as outlines.
 */
function pageOf(svg: string): Page {
  const { Resvg } = loadResvg();
  const size = rootSize(svg);
  const standAlone = size && standAloneLabels(svg);
  if (!standAlone) return { svg: outlineText(svg, Resvg, RENDER_OPTIONS), options: RENDER_OPTIONS, labels: [] };
  const all = placedLabels(svg, Resvg, RENDER_OPTIONS);
  // A label with no known box (resvg placed part of it by a transform of its own) stays an outline too.
  const labels = all.filter((label): label is TileLabel => label.box !== undefined && standAlone.has(label.start));
  const tiled = new Set<PlacedLabel>(labels);
  const page = replaceLabels(svg, all, (label) => (tiled.has(label) ? '' : outlineInPlace(label)));
  return { svg: page, options: page.includes('<text') ? RENDER_OPTIONS : SHAPES_ONLY_OPTIONS, labels, size };
}

function withLabels(rendered: RenderedImage, { labels, size }: Page): Pixels {
  // `pixels` is a fresh copy of resvg's canvas: ours to draw on.
  const { pixels, width, height } = rendered;
  // resvg rounds the zoomed size to whole pixels and scales each axis to fit it: 830/1384, not 0.6.
  if (size) drawLabels(loadResvg().Resvg, pixels, width, height, labels, { x: width / size.width, y: height / size.height });
  return { pixels, width, height };
}

/** Rasterises one SVG. Synchronous and CPU-bound (tens of ms): callers cache by the picture's key. */
export function svgToPng(svg: string): Raster {
  const { pixels, width, height } = svgToPixels(svg);
  return { png: encodePng(pixels, width, height), width, height };
}

/** Raw RGBA pixels, for tests that check colours at a point. */
export function svgToPixels(svg: string): Pixels {
  const page = pageOf(svg);
  return withLabels(new (loadResvg().Resvg)(page.svg, page.options).render(), page);
}

/** As svgToPng, with resvg's drawing on libuv's thread pool: the event loop keeps serving others meanwhile. */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  const page = pageOf(svg);
  const { pixels, width, height } = withLabels(await loadResvg().renderAsync(page.svg, page.options), page);
  return encodePng(pixels, width, height);
}

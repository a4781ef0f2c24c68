/**
 * Labels rasterised once and laid onto each picture, as a text renderer caches its glyphs.
 *
 * Even as cached outlines, a picture's seventy-odd labels were most of resvg's work: parsing some 200 KB
 * of glyph outlines and filling a thousand glyphs, every picture, for labels that are the same from learner
 * to learner (bench/roadmap.ts). Now resvg draws the picture without its plain labels, and each label comes
 * from a small picture of it that resvg drew the first time it was seen: its pixels are laid over the page
 * (premultiplied "source over", as resvg composites). The roadmap draws each label after the shapes under
 * it and nothing over it, so the order of drawing does not change; test/render/labelTiles.test.ts checks
 * the result against resvg drawing the whole picture.
 *
 * A label's pixels depend on where it falls within a pixel, so a tile is kept per label and sub-pixel
 * offset (and scale); the roadmap's labels stand on whole units, so each is at one or a few offsets.
 */
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import type { Box, PlacedLabel } from './textOutlines';

interface Tile {
  /** Top-left corner, in pixels from the pixel the label's origin falls in. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Premultiplied RGBA, as resvg gives it. */
  rgba: Uint8Array;
}

/** A label whose outline's box is known: only those are drawn as tiles (png.ts). */
export type TileLabel = PlacedLabel & { box: Box };

/** Pixels per SVG unit, along each axis. */
export interface Scale {
  x: number;
  y: number;
}

/**
 * Bytes of tiles kept, oldest dropped first: a tile is a few KB (a long label at 20 px, about 40 KB), and
 * the roadmap's labels (topics in each state, stages, counts, next steps, legend) need about 3 MB in all.
 */
const CAPACITY_BYTES = 16 * 1024 * 1024;
/** New labels drawn in one render at most (the roadmap's first picture has about 70). */
const ATLAS_LABELS = 200;
/** Pixels of transparent margin around a label's outline box, for antialiasing. */
const MARGIN = 2;
/** Only shapes: tiles never need fonts (a resvg without options would also scan the system's). */
const SHAPES_ONLY = { font: { loadSystemFonts: false } };

const tiles = new Map<string, Tile>();
let tileBytes = 0;

/** How many times resvg drew new tiles, and how many labels were laid on as tiles: for tests. */
export const tileStats = { atlasRenders: 0, labelsLaid: 0 };

interface Wanted {
  key: string;
  label: TileLabel;
  /** Where the label's origin falls within its pixel. */
  fx: number;
  fy: number;
}

/**
 * Draws the wanted tiles in one resvg render, stacked one below the other (one tree and one canvas for all
 * of a picture's new labels), and keeps each one's part.
 */
function drawTiles(Resvg: typeof ResvgClass, wanted: Wanted[], scale: Scale): void {
  let atlasHeight = 0;
  const planned = wanted.map(({ key, label: { box, shapes }, fx, fy }) => {
    const left = Math.floor(fx + box.x * scale.x) - MARGIN;
    const top = Math.floor(fy + box.y * scale.y) - MARGIN;
    const width = Math.ceil(fx + (box.x + box.width) * scale.x) + MARGIN - left;
    const height = Math.ceil(fy + (box.y + box.height) * scale.y) + MARGIN - top;
    const at = atlasHeight;
    atlasHeight += height;
    return { key, left, top, width, height, at, svg: `<g transform="translate(${fx - left} ${at + fy - top}) scale(${scale.x} ${scale.y})">${shapes}</g>` };
  });
  const atlasWidth = Math.max(...planned.map((p) => p.width));
  const atlas = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${atlasWidth}" height="${atlasHeight}">${planned.map((p) => p.svg).join('')}</svg>`, SHAPES_ONLY).render();
  tileStats.atlasRenders++;
  const pixels = atlas.pixels;
  for (const { key, left, top, width, height, at } of planned) {
    const rgba = new Uint8Array(width * height * 4);
    for (let row = 0; row < height; row++) rgba.set(pixels.subarray((at + row) * atlas.width * 4, ((at + row) * atlas.width + width) * 4), row * width * 4);
    tiles.set(key, { left, top, width, height, rgba });
    tileBytes += rgba.length;
  }
}

/** Premultiplied source over destination, for one tile placed at (x0, y0); clipped to the canvas. */
function composite(pixels: Uint8Array, canvasWidth: number, canvasHeight: number, tile: Tile, x0: number, y0: number): void {
  const { rgba } = tile;
  for (let ty = Math.max(0, -y0); ty < tile.height && y0 + ty < canvasHeight; ty++) {
    let s = (ty * tile.width + Math.max(0, -x0)) * 4;
    let d = ((y0 + ty) * canvasWidth + x0 + Math.max(0, -x0)) * 4;
    for (let tx = Math.max(0, -x0); tx < tile.width && x0 + tx < canvasWidth; tx++, s += 4, d += 4) {
      const a = rgba[s + 3]!;
      if (a === 0) continue;
      if (a === 255) {
        pixels[d] = rgba[s]!;
        pixels[d + 1] = rgba[s + 1]!;
        pixels[d + 2] = rgba[s + 2]!;
        pixels[d + 3] = 255;
        continue;
      }
      const k = 255 - a;
      for (let c = 0; c < 4; c++) {
        // d * k / 255, rounded, as resvg's own blending does
        const v = pixels[d + c]! * k + 128;
        pixels[d + c] = rgba[s + c]! + ((v + (v >> 8)) >> 8);
      }
    }
  }
}

/** Lays each label onto `pixels` (RGBA, premultiplied, as resvg drew the page at `scale`). */
export function drawLabels(Resvg: typeof ResvgClass, pixels: Uint8Array, width: number, height: number, labels: TileLabel[], scale: Scale): void {
  const placed = labels.map((label) => {
    const [px, py] = [label.x * scale.x, label.y * scale.y];
    const [ix, iy] = [Math.floor(px), Math.floor(py)];
    // Offsets cut to 1/1000 of a pixel: the same tile for the same place, whatever the float rounding.
    const [fx, fy] = [Math.round((px - ix) * 1000) / 1000, Math.round((py - iy) * 1000) / 1000];
    return { key: `${scale.x} ${scale.y} ${fx} ${fy} ${label.key}`, label, ix, iy, fx, fy };
  });
  const wanted = [...new Map(placed.filter((p) => !tiles.has(p.key)).map((p) => [p.key, p])).values()];
  // A few hundred labels at a time: one canvas of a few MB, however many labels a picture brings.
  for (let i = 0; i < wanted.length; i += ATLAS_LABELS) drawTiles(Resvg, wanted.slice(i, i + ATLAS_LABELS), scale);
  for (const { key, ix, iy } of placed) {
    const tile = tiles.get(key)!;
    composite(pixels, width, height, tile, ix + tile.left, iy + tile.top);
  }
  tileStats.labelsLaid += placed.length;
  for (const [key, tile] of tiles) {
    if (tileBytes <= CAPACITY_BYTES) break;
    tiles.delete(key);
    tileBytes -= tile.rgba.length;
  }
}

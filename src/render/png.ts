/**
 * SVG -> PNG with resvg (a native renderer shipped prebuilt inside its npm package: nothing is fetched at
 * run time). Fonts come only from the Inter package in our dependencies, never from the system, so the
 * picture is the same on every machine and labels keep the widths the layout planned for.
 */
import { loadResvg } from './resvg';
import { RENDER_OPTIONS } from './renderOptions';
import { encodePng } from './pngEncode';
import { outlineText } from './textOutlines';

export { RENDER_OPTIONS, RENDER_SCALE } from './renderOptions';

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

/** Rasterises one SVG. Synchronous and CPU-bound (tens of ms): callers cache by the picture's key. */
export function svgToPng(svg: string): Raster {
  const { pixels, width, height } = svgToPixels(svg);
  return { png: encodePng(pixels, width, height), width, height };
}

/** Raw RGBA pixels, for tests that check colours at a point. */
export function svgToPixels(svg: string): { pixels: Buffer; width: number; height: number } {
  const { Resvg } = loadResvg();
  const rendered = new Resvg(outlineText(svg, Resvg, RENDER_OPTIONS), RENDER_OPTIONS).render();
  return { pixels: rendered.pixels, width: rendered.width, height: rendered.height };
}

/**
 * SVG -> PNG with resvg (a native renderer shipped prebuilt inside its npm package: nothing is fetched at
 * run time). Fonts come only from the Inter package in our dependencies, never from the system, so the
 * picture is the same on every machine and labels keep the widths the layout planned for.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/roadmap/svg';
import { encodePng } from './pngEncode';

/** Resolved through node's module lookup, so both `src/` (tsx, jest) and `dist/` find the package. */
const FONT_FILES = ['@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'].map((file) =>
  require.resolve(file),
);

/**
 * The SVG is laid out at 1,384 units wide; drawn at 3/4 that (1,038 px) it is about what a phone shows of
 * a message preview at full sharpness (350 points at 3x), the text keeps the same size relative to the
 * picture, and rendering takes about half the time and bytes of full size.
 */
export const RENDER_SCALE = 0.75;

export const RENDER_OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  fitTo: { mode: 'zoom', value: RENDER_SCALE },
  // No `background`: the SVG paints its own, opaque, so clients in dark mode show it as drawn.
};

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

/** Rasterises one SVG. Synchronous and CPU-bound (tens of ms): callers cache by the picture's key. */
export function svgToPng(svg: string): Raster {
  const rendered = new Resvg(svg, RENDER_OPTIONS).render();
  return { png: encodePng(rendered.pixels, rendered.width, rendered.height), width: rendered.width, height: rendered.height };
}

/** Raw RGBA pixels, for tests that check colours at a point. */
export function svgToPixels(svg: string): { pixels: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, RENDER_OPTIONS).render();
  return { pixels: rendered.pixels, width: rendered.width, height: rendered.height };
}

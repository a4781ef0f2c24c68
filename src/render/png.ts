/**
 * SVG -> PNG with resvg (a native renderer shipped prebuilt inside its npm package: nothing is fetched at
 * run time). Fonts come only from the Inter package in our dependencies, never from the system, so the
 * picture is the same on every machine and labels keep the widths the layout planned for.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/roadmap/svg';

/** Resolved through node's module lookup, so both `src/` (tsx, jest) and `dist/` find the package. */
const FONT_FILES = ['@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'].map((file) =>
  require.resolve(file),
);

export const RENDER_OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  // Flat colours and straight edges: a white background keeps PNGs small and dark-mode clients readable.
  background: '#FFFFFF',
};

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

/** Rasterises one SVG. Synchronous and CPU-bound (tens of ms): callers cache by the picture's key. */
export function svgToPng(svg: string): Raster {
  const rendered = new Resvg(svg, RENDER_OPTIONS).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** Raw RGBA pixels, for tests that check colours at a point. */
export function svgToPixels(svg: string): { pixels: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, RENDER_OPTIONS).render();
  return { pixels: rendered.pixels, width: rendered.width, height: rendered.height };
}

/**
 * How pictures are rasterised, apart from resvg itself, so that loading these settings does not load the
 * native renderer: a process that never draws a picture never pays for it.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/roadmap/svg';

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


/**
 * How pictures are rasterised, apart from resvg itself, so that loading these settings does not load the
 * native renderer: a process that never draws a picture never pays for it.
 */
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/roadmap/svg';

/**
 * Inter, regular and bold, cut down to Latin text and common punctuation (scripts/subset-fonts.sh cuts them
 * from the @expo-google-fonts/inter package). resvg reads a font file anew for every glyph it outlines,
 * about a thousand per picture: the 58 KB subsets draw the same pixels as the 340 KB originals for about
 * half the time spent building the picture. `fontBuffers` would avoid the reads, but resvg-js passes its
 * options as JSON, so the bytes travel as an array of numbers on every render: slower still.
 * Resolved from this file, so both `src/render/` (tsx, jest) and `dist/render/` find the repository's assets/.
 */
export const FONT_FILES = ['Inter-Regular.subset.ttf', 'Inter-Bold.subset.ttf'].map((file) => join(__dirname, '..', '..', 'assets', 'fonts', file));

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


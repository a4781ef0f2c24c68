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
 * The SVG is laid out at 1,384 units wide and drawn at 0.6 of that: 830 px. A chat client fits the picture
 * to the message's width, so the text's size on a phone does not depend on this scale, only its sharpness
 * does: 830 px is still about 2.4 pixels per point of a 350-point-wide preview, sharper than a 2x screen
 * can show (body text is 12 px, the smallest labels 8 px). Rendering costs by the pixel (resvg zeroes and
 * fills its canvas, we copy and compress it): 0.6 has 36% fewer pixels than the 0.75 used before, and
 * brought a render under 50 ms (README, bench/roadmap.ts).
 */
export const RENDER_SCALE = 0.6;

export const RENDER_OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  fitTo: { mode: 'zoom', value: RENDER_SCALE },
  // No `background`: the SVG paints its own, opaque, so clients in dark mode show it as drawn.
};


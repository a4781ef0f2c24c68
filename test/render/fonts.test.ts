/**
 * The roadmap is drawn with subsets of Inter (assets/fonts, cut by scripts/subset-fonts.sh). With no other
 * font loaded, a character missing from them would silently vanish from the picture: every character the
 * knowledge base and the picture's own words can put on it must be in both faces, and the subsets must
 * draw exactly what the full fonts in the @expo-google-fonts/inter package draw.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { newProfile, setTopicStatus } from '../../src/core/profile/profile';
import { roadmapSvg } from '../../src/core/roadmap/svg';
import { FONT_FILES, RENDER_OPTIONS } from '../../src/render/renderOptions';

/** The characters a font maps to glyphs, from its cmap's format 4 (BMP) subtable. */
function mappedChars(file: string): Set<number> {
  const font = readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (font.toString('ascii', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = font.readUInt32BE(20 + 16 * i);
  const chars = new Set<number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    if (font.readUInt16BE(sub) !== 4) continue;
    const segments = font.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(ends + 2 * s);
      // Glyph 0 (.notdef) for a mapped range is possible in theory; pyftsubset does not produce it.
      for (let c = font.readUInt16BE(starts + 2 * s); c <= end && c !== 0xffff; c++) chars.add(c);
    }
  }
  return chars;
}

const kb = loadKnowledgeBase();
const now = new Date('2026-11-27T10:00:00Z');

describe('roadmap fonts', () => {
  it('have a glyph for every character the picture can show', () => {
    const half = kb.topics.slice(0, kb.topics.length >> 1).reduce((p, t) => setTopicStatus(p, t.id, 'done', now), newProfile('half', now));
    const all = kb.topics.reduce((p, t) => setTopicStatus(p, t.id, 'done', now), newProfile('all', now));
    const texts = [newProfile('none', now), half, all].flatMap((p) => [...roadmapSvg(kb, p).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
    // Every topic can be the next step, named in the subtitle (stage names head every picture).
    const shown = [...texts, ...kb.topics.map((t) => t.name)].join('').replace(/&(amp|lt|gt|quot|apos);/g, '&');
    const needed = new Set([...shown].map((c) => c.codePointAt(0)!));
    for (const file of FONT_FILES) {
      const mapped = mappedChars(file);
      const missing = [...needed].filter((c) => !mapped.has(c)).map((c) => String.fromCodePoint(c));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('draw the same pixels as the full Inter fonts', () => {
    const full = ['400Regular/Inter_400Regular.ttf', '700Bold/Inter_700Bold.ttf'].map((f) => require.resolve(`@expo-google-fonts/inter/${f}`));
    const svg = roadmapSvg(kb, ['programming-basics', 'python'].reduce((p, id) => setTopicStatus(p, id, 'done', now), newProfile('fonts', now)));
    const subset = new Resvg(svg, RENDER_OPTIONS).render().pixels;
    const original = new Resvg(svg, { ...RENDER_OPTIONS, font: { ...RENDER_OPTIONS.font, fontFiles: full } }).render().pixels;
    expect(subset.equals(original)).toBe(true);
  });
});

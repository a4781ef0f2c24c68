/** Labels laid on from cached tiles look as resvg draws them in place, and a label seen before costs no drawing. */
import { Resvg } from '@resvg/resvg-js';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { newProfile, setTopicStatus } from '../../src/core/profile/profile';
import { roadmapSvg } from '../../src/core/roadmap/svg';
import { RENDER_OPTIONS } from '../../src/render/renderOptions';
import { outlineText } from '../../src/render/textOutlines';
import { tileStats } from '../../src/render/labelTiles';
import { svgToPixels } from '../../src/render/png';
import { pixelDifference } from '../helpers/pixelDifference';

const kb = loadKnowledgeBase();
const now = new Date('2026-11-27T10:00:00Z');

/** resvg drawing the whole picture, labels included, from the same outlines. */
function inPlace(svg: string): Buffer {
  return new Resvg(outlineText(svg, Resvg, RENDER_OPTIONS), RENDER_OPTIONS).render().pixels;
}

const labelled = (labels: { x: number; y: number; text: string }[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120" font-family="Inter"><rect width="400" height="120" fill="#1D3557"/>${labels
    .map(({ x, y, text }) => `<text x="${x}" y="${y}" font-size="20" fill="#FFFFFF">${text}</text>`)
    .join('')}</svg>`;

describe('label tiles', () => {
  it('draw the roadmap as resvg draws its labels in place, to within an antialiasing step', () => {
    for (const done of [[], ['programming-basics', 'python', 'pytorch'], kb.topics.map((t) => t.id)]) {
      const svg = roadmapSvg(kb, done.reduce((p, id) => setTopicStatus(p, id, 'done', now), newProfile('tiles', now)));
      const laid = tileStats.labelsLaid;
      const { differing, largest } = pixelDifference(inPlace(svg), svgToPixels(svg).pixels);
      // Every label of the picture came from a tile (title, count, next step, stages, topics, legend).
      expect(tileStats.labelsLaid - laid).toBe([...svg.matchAll(/<text/g)].length);
      // Edge pixels may differ by a step of resvg's 4x4 antialiasing (16 of 255) or a rounding of the
      // blend; a label a fraction of a pixel off, or blended wrongly, differs by far more and in far more places.
      expect(largest).toBeLessThanOrEqual(32);
      expect(differing).toBeLessThan(0.015);
    }
  });

  it('draw a label once per place: a picture seen before needs no new tiles, a moved label one', () => {
    const labels = [
      { x: 10, y: 30, text: 'Tiles test: first label' },
      { x: 10, y: 70, text: 'Tiles test: second label' },
    ];
    const before = tileStats.atlasRenders;
    const first = svgToPixels(labelled(labels)).pixels;
    expect(tileStats.atlasRenders).toBe(before + 1); // both new labels in one render
    expect(svgToPixels(labelled(labels)).pixels.equals(first)).toBe(true);
    expect(tileStats.atlasRenders).toBe(before + 1);
    const moved = [labels[0]!, { ...labels[1]!, x: 13 }];
    expect(pixelDifference(inPlace(labelled(moved)), svgToPixels(labelled(moved)).pixels).largest).toBeLessThanOrEqual(32);
    expect(tileStats.atlasRenders).toBe(before + 2);
  });

  it('draw the new labels of a picture that brings many of them a few hundred at a time', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ x: 4 + (i % 5) * 80, y: 12 + Math.floor(i / 5) * 2, text: `m${i}` }));
    const before = tileStats.atlasRenders;
    const svg = labelled(many).replace(/font-size="20"/g, 'font-size="8"');
    const { largest } = pixelDifference(inPlace(svg), svgToPixels(svg).pixels);
    expect(tileStats.atlasRenders).toBe(before + 2);
    expect(largest).toBeLessThanOrEqual(32);
  });

  it('leave labels as outlines where a tile would not know how they are drawn', () => {
    const one = labelled([{ x: 10, y: 30, text: 'Not a tile' }]);
    const pictures = {
      'units not pixels': one.replace('width="400" height="120"', 'width="800" height="240"'),
      'a label in a viewport of its own': one.replace('<text', '<svg x="40" y="20" width="300" height="80" viewBox="0 0 150 40"><text').replace('</text>', '</text></svg>'),
      'a label used again elsewhere': one.replace('<text', '<g id="again"><text').replace('</text>', '</text></g><use href="#again" y="50"/>'),
      'a group that moves its label': one.replace('<text', '<g transform="translate(120 40)"><text').replace('</text>', '</text></g>'),
      'a group that fades its label': one.replace('<text', '<g opacity="0.5"><text').replace('</text>', '</text></g>'),
    };
    for (const [name, svg] of Object.entries(pictures)) {
      const before = tileStats.atlasRenders;
      const { pixels } = svgToPixels(svg);
      expect({ name, same: pixels.equals(inPlace(svg)) }).toEqual({ name, same: true });
      expect(tileStats.atlasRenders).toBe(before);
      // The label is there: light text on the dark fill.
      expect(pixels.some((v, i) => i % 4 === 0 && v > 120)).toBe(true);
    }
  });
});

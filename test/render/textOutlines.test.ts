/** Labels drawn from cached outlines look the same as labels drawn as text. */
import { Resvg } from '@resvg/resvg-js';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { newProfile, setTopicStatus } from '../../src/core/profile/profile';
import { roadmapSvg } from '../../src/core/roadmap/svg';
import { RENDER_OPTIONS } from '../../src/render/renderOptions';
import { compactPath, outlineText } from '../../src/render/textOutlines';
import { pixelDifference } from '../helpers/pixelDifference';

const kb = loadKnowledgeBase();
const now = new Date('2026-11-27T10:00:00Z');
const pixels = (svg: string) => new Resvg(svg, RENDER_OPTIONS).render().pixels;

describe('text outlines', () => {
  it('draw the roadmap as its text would be drawn, to within a few edge pixels', () => {
    for (const done of [[], ['programming-basics', 'python'], kb.topics.map((t) => t.id)]) {
      const svg = roadmapSvg(kb, done.reduce((p, id) => setTopicStatus(p, id, 'done', now), newProfile('outlines', now)));
      const outlined = outlineText(svg, Resvg, RENDER_OPTIONS);
      expect(outlined).not.toContain('<text');
      const { differing, largest } = pixelDifference(pixels(svg), pixels(outlined));
      // Coordinates are cut to 1/100 of a unit: antialiased edges move by a shade, nothing more.
      expect(differing).toBeLessThan(0.002);
      expect(largest).toBeLessThan(96);
    }
  });

  it('gives the same outline to the same label wherever it stands, and leaves other text alone', () => {
    const svg = (x: number, y: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" font-family="Inter"><text x="${x}" y="${y}" font-size="20" fill="#0F172A">Kubeflow</text><text x="5" y="50" transform="rotate(3)" font-size="12">tilted</text><text x="5" y="55"><tspan>spans</tspan></text></svg>`;
    const first = outlineText(svg(10, 30), Resvg, RENDER_OPTIONS);
    const second = outlineText(svg(40, 35), Resvg, RENDER_OPTIONS);
    expect(first).toContain('<g transform="translate(10 30)"><g><path fill="#0f172a"');
    expect(second.replace('translate(40 35)', 'translate(10 30)')).toBe(first);
    expect(first).toContain('<text x="5" y="50" transform="rotate(3)" font-size="12">tilted</text>');
    expect(first).toContain('<tspan>spans</tspan>');
  });

  it('write path data as integer steps that land on the same points, to 1/100 of a unit', () => {
    const d = 'M9.391 0L9.39-8.75L0.76-23.28Q10.89-14.93 11.35-13.85Q11.82-12.78 12.32-11.28C1 2 3 4 5 6ZM29.7 0.34L30 1Z';
    const compact = compactPath(d)!;
    expect(compact).toBe('m939 0l0-875-863-1453q1013 835 1059 943 47 107 97 257c-1132 1328-932 1528-732 1728zm2031 34l30 66z');
    // Walked back from the steps: every point of the original, rounded.
    const points: number[] = [];
    let [x, y, startX, startY, command] = [0, 0, 0, 0, ''];
    for (const [, letter, numbers] of compact.matchAll(/([a-z])([^a-z]*)/g)) {
      command = letter!;
      if (command === 'z') {
        [x, y] = [startX, startY];
        continue;
      }
      const values = (numbers!.match(/-?\d+/g) ?? []).map(Number);
      const size = { m: 2, l: 2, q: 4, c: 6 }[command]!;
      for (let i = 0; i < values.length; i += size) {
        const segment = values.slice(i, i + size).map((v, k) => v + (k % 2 === 0 ? x : y));
        points.push(...segment);
        [x, y] = [segment[size - 2]!, segment[size - 1]!];
        if (command === 'm') [startX, startY] = [x, y];
      }
    }
    const expected = (d.match(/-?\d+\.?\d*/g) ?? []).map((n) => Math.round(Number(n) * 100));
    expect(points).toEqual(expected);
  });

  it('leave path data it does not know as it is', () => {
    expect(compactPath('M0 0H10V10Z')).toBeUndefined();
    expect(compactPath('M0 0A5 5 0 0 1 10 10')).toBeUndefined();
    expect(compactPath('M0 0L1')).toBeUndefined();
  });
});

/** The roadmap rasterised: a real PNG of the planned size, the highlight where the next step is, one render per picture. */
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { newProfile, setTopicStatus } from '../../src/core/profile/profile';
import { roadmapImage } from '../../src/core/roadmap/image';
import { layoutRoadmap } from '../../src/core/roadmap/layout';
import { roadmapModel } from '../../src/core/roadmap/model';
import { HIGHLIGHT, svgFromModel } from '../../src/core/roadmap/svg';
import { ImageCache } from '../../src/render/imageCache';
import { RENDER_SCALE, svgToPixels, svgToPng } from '../../src/render/png';

const kb = loadKnowledgeBase();
const now = new Date('2026-11-27T10:00:00Z');
const profile = ['programming-basics', 'python', 'ml-frameworks'].reduce((p, id) => setTopicStatus(p, id, 'done', now), newProfile('png-user', now));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('roadmap PNG', () => {
  const model = roadmapModel(kb, profile);
  const layout = layoutRoadmap(model);
  const svg = svgFromModel(model, layout);

  const expected = { width: Math.round(layout.width * RENDER_SCALE), height: Math.round(layout.height * RENDER_SCALE) };

  it('decodes as a PNG of the layout\'s size at the render scale, well under 200 KB', () => {
    const { png, width, height } = svgToPng(svg);
    expect(pngSize(png)).toEqual(expected);
    expect({ width, height }).toEqual(expected);
    expect(png.length).toBeLessThan(200 * 1024);
  });

  it('has the highlight colour at the next-step node, and not at the others', () => {
    const { pixels, width } = svgToPixels(svg);
    const at = (x: number, y: number) => [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];
    // Just inside the node's right edge, clear of the label: the fill, not the text.
    const spot = (n: { x: number; y: number; width: number; height: number }) => at(Math.round((n.x + n.width - 8) * RENDER_SCALE), Math.round((n.y + n.height / 2) * RENDER_SCALE));
    const next = layout.nodes.find((n) => n.state === 'next')!;
    expect(next.id).toBe(model.next!.id);
    expect(spot(next)).toEqual(rgb(HIGHLIGHT));
    for (const other of layout.nodes.filter((n) => n.state !== 'next')) expect(spot(other)).not.toEqual(rgb(HIGHLIGHT));
  });

  it('renders each picture once: the same key is served from the cache', async () => {
    const cache = new ImageCache();
    const image = roadmapImage(kb, profile);
    const [a, b] = await Promise.all([cache.png(image), cache.png(image)]);
    const c = await cache.png(roadmapImage(kb, profile));
    expect(cache.renders).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(pngSize(a)).toEqual(expected);
    await cache.png(roadmapImage(kb, setTopicStatus(profile, 'pytorch', 'done', now)));
    expect(cache.renders).toBe(2);
  });

  it('forgets the least recently used picture beyond its capacity', async () => {
    const cache = new ImageCache(1);
    const first = roadmapImage(kb, profile);
    await cache.png(first);
    await cache.png(roadmapImage(kb, newProfile('other', now)));
    await cache.png(first);
    expect(cache.renders).toBe(3);
  });
});

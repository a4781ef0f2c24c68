/**
 * Roadmap picture benchmark: drawing the SVG (core), rasterising it to PNG (resvg + our encoder), and a
 * second ask served from the cache. Targets: render under 50 ms, PNG under 200 KB. Each profile differs
 * and each ask goes to a new cache, so every render is a real one; the warm-up renders are left out.
 */
import { cpus, loadavg } from 'node:os';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { newProfile, setTopicStatus, type Profile, type TopicStatus } from '../src/core/profile/profile';
import { roadmapImage } from '../src/core/roadmap/image';
import { ImageCache } from '../src/render/imageCache';
import { percentile, printTable } from './stats';

/** Enough pictures that p99 is a percentile, not the slowest one. */
const RENDERS = 200;
/** Pictures drawn before measuring: see the warm-up below. */
const WARM_UP = 12;
const STATUSES: TopicStatus[] = ['done', 'learning', 'skipped', 'todo'];

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const now = new Date('2026-11-27T10:00:00Z');
  // A different mix of statuses per profile: learners from new to nearly done.
  const profiles: Profile[] = Array.from({ length: RENDERS + WARM_UP + 1 }, (_, i) =>
    kb.topics.slice(0, (i * 7) % kb.topics.length).reduce((p, t, j) => setTopicStatus(p, t.id, STATUSES[(i + j) % 3 === 0 ? 2 : j % 5 === 0 ? 1 : 0]!, now), newProfile(`bench-${i}`, now)),
  );
  // Each picture is asked for as a request asks: through the process's image cache (a miss renders on
  // libuv's thread pool), one request after another, each in its own turn of the event loop.
  // Warm-up, left out but for the first picture: loading resvg and the fonts, the first render on each of
  // libuv's four threads (each thread's allocator takes its memory from the kernel once; see
  // src/render/resvg.ts), and the first pictures, which outline and draw the labels every later picture
  // reuses (src/render/labelTiles.ts).
  const first = performance.now();
  await new ImageCache().png(roadmapImage(kb, profiles[0]!));
  const firstMs = performance.now() - first;
  await Promise.all(['done', 'learning', 'skipped', 'todo'].map((status) =>
    new ImageCache().png(roadmapImage(kb, setTopicStatus(profiles[0]!, kb.topics[0]!.id, status as TopicStatus, now)))));
  for (const profile of profiles.slice(1, 1 + WARM_UP)) await new ImageCache().png(roadmapImage(kb, profile));
  const svgMs: number[] = [];
  const renderMs: number[] = [];
  const renderCpuMs: number[] = [];
  const sizes: number[] = [];
  for (const profile of profiles.slice(1 + WARM_UP)) {
    const started = performance.now();
    roadmapImage(kb, profile).svg();
    svgMs.push(performance.now() - started);
    // A miss costs all of it: the SVG, the outlines, rasterising and the PNG.
    const asked = performance.now();
    const cpu = process.cpuUsage();
    const png = await new ImageCache().png(roadmapImage(kb, profile)); // a new cache: every ask a miss
    renderMs.push(performance.now() - asked);
    const used = process.cpuUsage(cpu);
    renderCpuMs.push((used.user + used.system) / 1000);
    sizes.push(png.length);
  }

  const cache = new ImageCache();
  const image = roadmapImage(kb, profiles[1]!);
  await cache.png(image);
  const cachedMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await cache.png(roadmapImage(kb, profiles[1]!));
    cachedMs.push(performance.now() - started);
  }

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const kbytes = (v: number) => `${(v / 1024).toFixed(0)} KB`;
  printTable('Roadmap picture', [
    ['SVG drawn (core) p50 / p99', `${ms(percentile(svgMs, 50))} / ${ms(percentile(svgMs, 99))}`, `${RENDERS} learners`],
    ['render to PNG (cache miss) min / p50', `${ms(Math.min(...renderMs))} / ${ms(percentile(renderMs, 50))}`, 'target < 50 ms'],
    ['render to PNG (cache miss) p99 / max', `${ms(percentile(renderMs, 99))} / ${ms(Math.max(...renderMs))}`, 'target < 50 ms'],
    ['first picture in a new process', ms(firstMs), 'loads resvg and the fonts, outlines every label'],
    // CPU time barely depends on what else the machine runs: the figure to compare on a busy machine.
    ['render CPU time min / p50 / p99', `${ms(Math.min(...renderCpuMs))} / ${ms(percentile(renderCpuMs, 50))} / ${ms(percentile(renderCpuMs, 99))}`, 'this process only'],
    ['PNG size p50 / max', `${kbytes(percentile(sizes, 50))} / ${kbytes(Math.max(...sizes))}`, 'target < 200 KB'],
    ['second ask (cached) p50 / p99', `${ms(percentile(cachedMs, 50))} / ${ms(percentile(cachedMs, 99))}`, `${cache.renders} render for 201 asks`],
    // Rendering is CPU-bound: a busy machine (load above its core count) stretches every number above.
    ['machine load (1 min) / cores', `${loadavg()[0]!.toFixed(1)} / ${cpus().length}`, ''],
  ]);
}

void main();

/**
 * Roadmap picture benchmark: drawing the SVG (core), rasterising it to PNG (resvg + our encoder), and a
 * second ask served from the cache. Targets: render under 50 ms, PNG under 200 KB. Each profile differs,
 * so every render is a real one (no cache), and the first render (font loading, JIT) is left out.
 */
import { cpus, loadavg } from 'node:os';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { newProfile, setTopicStatus, type Profile, type TopicStatus } from '../src/core/profile/profile';
import { roadmapImage } from '../src/core/roadmap/image';
import { ImageCache } from '../src/render/imageCache';
import { svgToPng } from '../src/render/png';
import { percentile, printTable } from './stats';

const RENDERS = 40;
const STATUSES: TopicStatus[] = ['done', 'learning', 'skipped', 'todo'];

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const now = new Date('2026-11-27T10:00:00Z');
  // A different mix of statuses per profile: learners from new to nearly done.
  const profiles: Profile[] = Array.from({ length: RENDERS + 1 }, (_, i) =>
    kb.topics.slice(0, (i * 7) % kb.topics.length).reduce((p, t, j) => setTopicStatus(p, t.id, STATUSES[(i + j) % 3 === 0 ? 2 : j % 5 === 0 ? 1 : 0]!, now), newProfile(`bench-${i}`, now)),
  );
  svgToPng(roadmapImage(kb, profiles[0]!).svg()); // warm-up

  const svgMs: number[] = [];
  const renderMs: number[] = [];
  const renderCpuMs: number[] = [];
  const sizes: number[] = [];
  for (const profile of profiles.slice(1)) {
    const started = performance.now();
    const svg = roadmapImage(kb, profile).svg();
    const drawn = performance.now();
    const cpu = process.cpuUsage();
    const { png } = svgToPng(svg);
    renderMs.push(performance.now() - drawn);
    const used = process.cpuUsage(cpu);
    renderCpuMs.push((used.user + used.system) / 1000);
    svgMs.push(drawn - started);
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
    ['render to PNG min / p50', `${ms(Math.min(...renderMs))} / ${ms(percentile(renderMs, 50))}`, 'target < 50 ms'],
    ['render to PNG p99', ms(percentile(renderMs, 99)), 'target < 50 ms'],
    // CPU time barely depends on what else the machine runs: the figure to compare on a busy machine.
    ['render CPU time min / p50 / p99', `${ms(Math.min(...renderCpuMs))} / ${ms(percentile(renderCpuMs, 50))} / ${ms(percentile(renderCpuMs, 99))}`, 'this process only'],
    ['PNG size p50 / max', `${kbytes(percentile(sizes, 50))} / ${kbytes(Math.max(...sizes))}`, 'target < 200 KB'],
    ['second ask (cached) p50 / p99', `${ms(percentile(cachedMs, 50))} / ${ms(percentile(cachedMs, 99))}`, `${cache.renders} render for 201 asks`],
    // Rendering is CPU-bound: a busy machine (load above its core count) stretches every number above.
    ['machine load (1 min) / cores', `${loadavg()[0]!.toFixed(1)} / ${cpus().length}`, ''],
  ]);
}

void main();

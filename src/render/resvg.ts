/**
 * The one place resvg is loaded, so that its allocator is set up before the native library starts.
 *
 * resvg-js allocates with mimalloc, which by default hands freed memory back to the kernel 10 ms later.
 * A picture needs about 6 MB of canvas and layers, so each render got fresh pages, and on this kind of
 * virtual machine every first touch of a page is a fault costing microseconds: about 1,600 faults, some
 * 15 ms of a 25 ms rasterisation, spent zeroing memory rather than drawing (bench/roadmap.ts). Keeping freed
 * memory for 10 s lets renders that come close together reuse it (8 ms); an idle process still returns it.
 * mimalloc reads its options from the environment once, when the library is loaded: hence this module.
 * A value the operator set is left alone.
 */
import type * as ResvgModule from '@resvg/resvg-js';

export const MIMALLOC_PURGE_DELAY_MS = '10000';

function keepFreedMemoryForAWhile(): void {
  process.env.MIMALLOC_PURGE_DELAY ??= MIMALLOC_PURGE_DELAY_MS;
}

/** resvg, loaded on first use: a process that never draws a picture never pays for loading it. */
export function loadResvg(): typeof ResvgModule {
  keepFreedMemoryForAWhile();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, after the allocator's options are set
  return require('@resvg/resvg-js') as typeof ResvgModule;
}

/**
 * Reply pictures as PNG bytes, rendered once per key. Rendering runs on libuv's thread pool (resvg's
 * renderAsync), so a chat process keeps answering others meanwhile; two requests for the same key while it
 * renders share the one render.
 */
import type { ReplyImage } from '../core/reply';
import { svgToPngAsync } from './png';

/** A few hundred learners' pictures (about 100-200 KB each) stay well under 100 MB. */
const DEFAULT_CAPACITY = 300;

export class ImageCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  /** How many renders ran: tests and the bench check that a cached picture costs none. */
  renders = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  png(image: ReplyImage): Promise<Buffer> {
    const cached = this.entries.get(image.key);
    if (cached) {
      // Least recently used goes first: re-insert to move this key to the end.
      this.entries.delete(image.key);
      this.entries.set(image.key, cached);
      return cached;
    }
    this.renders++;
    // The native renderer is loaded with the first picture, not at start-up.
    const rendering = Promise.resolve().then(() => svgToPngAsync(image.svg()));
    // A failed render is not kept: the next request tries again.
    rendering.catch(() => this.entries.delete(image.key));
    this.entries.set(image.key, rendering);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return rendering;
  }
}

/** The process's one cache, shared by every front end (Slack, Discord, console). */
export const imageCache = new ImageCache();

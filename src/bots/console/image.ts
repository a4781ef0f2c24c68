/**
 * The terminal cannot show a picture, so a reply's picture (the roadmap) is written to a PNG file whose
 * path is printed after the text. One file per user, overwritten each time: it is always the latest map.
 * A failure costs only the picture: the text has been printed and a note says why there is no file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reply } from '../../core/reply';
import { imageCache } from '../../render/imageCache';

/** `MENTOR_IMAGE_DIR` overrides it; pictures can always be drawn again, so the temp folder is enough. */
export const defaultImageDir = () => process.env.MENTOR_IMAGE_DIR || path.join(tmpdir(), 'ml-engineer-mentor');

/** A user id as a file name: anything but letters, digits, dot, dash and underscore becomes "_". */
const fileSafe = (text: string) => text.replace(/[^\w.-]/g, '_').slice(0, 64) || 'user';

/** The line to print after the answer, or undefined when the reply has no picture. */
export async function saveImage(reply: Reply, userId: string, dir = defaultImageDir()): Promise<string | undefined> {
  const image = reply.image;
  if (!image) return undefined;
  try {
    const png = await imageCache.png(image);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${path.parse(image.name).name}-${fileSafe(userId)}.png`);
    await writeFile(file, png);
    return `Picture of your roadmap: ${file}`;
  } catch (error) {
    return `(The roadmap picture could not be saved: ${(error as Error).message})`;
  }
}

/**
 * A minimal PNG encoder for resvg's RGBA pixels. Output: 8-bit RGBA, non-interlaced, no row filter.
 *
 * Measured on the roadmap picture (1038x1049, 2-core VM; CPU time per picture):
 * - resvg's own `asPng()`: ~22 ms and ~133 KB.
 * - zlib at its default level 6: ~16-23 ms, ~86 KB; level 3: ~7 ms, ~113 KB. Level 3 is the knee (level 4
 *   doubles the time); row filters (Sub, Up) or dropping the alpha channel cost more to compute in
 *   JavaScript than they save in zlib.
 * - A fresh 4 MB buffer for the rows cost 15-20 ms on its own: the kernel maps in and zeroes every page on
 *   first touch. The rows therefore go into one scratch buffer kept for the process (it grows to the largest
 *   picture, ~4 MB); encoding is synchronous, so nothing else can be using it meanwhile.
 */
import * as zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The zlib level: see above. Exported for the bench. */
export const PNG_DEFLATE_LEVEL = 3;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function jsCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** zlib's own crc32 (Node 20.15+) where there is one: the JavaScript loop costs ~1 ms per 100 KB. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
const crc32 = nativeCrc32 ? (data: Buffer) => nativeCrc32(data) >>> 0 : jsCrc32;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let scratch = Buffer.alloc(0);

export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  // Each row starts with its filter type: 0 (none), which costs nothing.
  const stride = width * 4;
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  const rows = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = 0;
    rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows, { level: PNG_DEFLATE_LEVEL })), chunk('IEND', Buffer.alloc(0))]);
}

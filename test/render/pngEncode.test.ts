/** The PNG encoder: valid chunks (CRCs), rows that inflate back to the pixels, also when its scratch buffer is reused. */
import { inflateSync } from 'node:zlib';
import { encodePng } from '../../src/render/pngEncode';

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Width, height and RGBA pixels back from a PNG this encoder wrote (filter 0 rows only). */
function decode(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const width = chunks[0]!.data.readUInt32BE(0);
  const height = chunks[0]!.data.readUInt32BE(4);
  const rows = inflateSync(chunks[1]!.data);
  expect(rows.length).toBe((width * 4 + 1) * height);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, pixels };
}

const picture = (width: number, height: number, seed: number) => Buffer.from(Array.from({ length: width * height * 4 }, (_, i) => (i * seed + (i >> 7)) & 0xff));

describe('encodePng', () => {
  it('writes a PNG that decodes to the same pixels, whatever size came before', () => {
    for (const [width, height, seed] of [[40, 30, 7], [5, 3, 13], [64, 64, 3], [1, 1, 1]] as const) {
      const pixels = picture(width, height, seed);
      expect(decode(encodePng(pixels, width, height))).toEqual({ width, height, pixels });
    }
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng(Buffer.alloc(10), 2, 2)).toThrow(/expected 16 bytes/);
  });
});

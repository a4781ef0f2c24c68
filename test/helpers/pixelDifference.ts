/** How far two pictures of the same size differ: the share of bytes that differ, and the largest difference. */
export function pixelDifference(a: Uint8Array, b: Uint8Array): { differing: number; largest: number } {
  if (a.length !== b.length) throw new Error(`pictures differ in size: ${a.length} and ${b.length} bytes`);
  let differing = 0;
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 0) differing++;
    largest = Math.max(largest, d);
  }
  return { differing: differing / a.length, largest };
}

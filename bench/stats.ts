/** Shared helpers for the benchmark scripts. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRss(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(1);
}

export function printTable(title: string, rows: [string, string, string][]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${note}`);
}

/** A benchmark sends one user's requests far faster than a person: the per-person flood limits would only measure refusals. */
export const BENCH_QUEUE_LIMITS = { maxDepth: 1e9, burst: 1e9, perSecond: 1e9 };

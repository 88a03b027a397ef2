// Fallback peak-RSS probe when GNU time is missing: loaded with --import, writes maxRSS (KiB) on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const f = process.env.HRSS_BENCH_RSS_FILE;
  if (f) writeFileSync(f, `${process.resourceUsage().maxRSS}\n`);
});

/** Levenshtein distance (short strings only: ids and codes). */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}


/**
 * A flat copy of a string. V8 keeps a substring of 13+ characters as a slice of its whole file
 * text, so anything kept past its file (diagnostics, caches) must copy what it quotes, or every
 * such file's text stays in memory until the run ends.
 */
export function detach(s: string): string {
  // slicing a concatenation makes V8 flatten it into a new string first
  return s.length < 13 ? s : (' ' + s).slice(1);
}

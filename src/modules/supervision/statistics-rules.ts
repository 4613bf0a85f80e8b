/**
 * Small-count suppression for the public statistics (pure): a count between 1 and k-1 is never
 * published (shown as "<k"), so a complainant or reporter in a small department cannot be singled
 * out; in a table, when a row or column would have exactly one hidden cell next to a published
 * total, the next-smallest cell is hidden too, so the hidden one cannot be worked out by subtraction.
 */

/** A count as published: null when it is small (0 < n < k). Zero is published: it identifies nobody. */
export function suppressCount(n: number, k: number): number | null {
  return n > 0 && n < k ? null : n;
}

/** Primary and secondary suppression of a table whose row and column totals are published (each suppressed alone). */
export function suppressTable(cells: number[][], k: number): (number | null)[][] {
  const hidden = cells.map((row) => row.map((n) => n > 0 && n < k));
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colCount = cells[0]?.length ?? 0;
  const colTotals = Array.from({ length: colCount }, (_, j) => cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  /** In one line (row or column) with a published total and exactly one hidden cell, hide the smallest other non-zero cell. */
  const fixLine = (positions: [number, number][], total: number): boolean => {
    if (suppressCount(total, k) === null) return false;
    const hiddenHere = positions.filter(([i, j]) => hidden[i]![j]);
    if (hiddenHere.length !== 1) return false;
    const candidates = positions.filter(([i, j]) => !hidden[i]![j] && cells[i]![j]! > 0).sort(([a, b], [c, d]) => cells[a]![b]! - cells[c]![d]!);
    const next = candidates[0];
    if (!next) return false;
    hidden[next[0]]![next[1]] = true;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < cells.length; i++) changed = fixLine(cells[i]!.map((_, j) => [i, j] as [number, number]), rowTotals[i]!) || changed;
    for (let j = 0; j < colCount; j++) changed = fixLine(cells.map((_, i) => [i, j] as [number, number]), colTotals[j]!) || changed;
  }
  return cells.map((row, i) => row.map((n, j) => (hidden[i]![j] ? null : n)));
}

/** The median of a list (null when empty). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

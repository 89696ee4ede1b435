/** An inclusive range of integer ids. */
export interface IdRange {
  from: number;
  to: number;
}

/** Sorted ids (ascending, no duplicates needed) as their maximal runs of consecutive values. */
export function rangesOf(ids: readonly number[]): IdRange[] {
  const sorted = [...ids].sort((a, b) => a - b);
  const ranges: IdRange[] = [];
  for (const id of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && id <= last.to + 1) last.to = Math.max(last.to, id);
    else ranges.push({ from: id, to: id });
  }
  return ranges;
}

/** Overlapping or touching ranges merged into a sorted, disjoint list. */
export function mergeRanges(ranges: readonly IdRange[]): IdRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: IdRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** The ids in `a` that are not in `b` (both merged lists), as ranges. */
export function subtractRanges(a: readonly IdRange[], b: readonly IdRange[]): IdRange[] {
  const result: IdRange[] = [];
  let j = 0;
  for (const range of a) {
    let from = range.from;
    while (j < b.length && b[j].to < from) j += 1;
    let k = j;
    while (k < b.length && b[k].from <= range.to) {
      if (b[k].from > from) result.push({ from, to: b[k].from - 1 });
      from = Math.max(from, b[k].to + 1);
      k += 1;
    }
    if (from <= range.to) result.push({ from, to: range.to });
  }
  return result;
}

export function rangeSize(ranges: readonly IdRange[]): number {
  return ranges.reduce((n, r) => n + (r.to - r.from + 1), 0);
}

/** Shared argument check of the k-fold splitters. */
export function assertFoldCount(k: number, units: number, what: string): void {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer ≥ 2, got ${k}`);
  if (k > units) throw new RangeError(`k = ${k} is more than the ${units} ${what} to split`);
}

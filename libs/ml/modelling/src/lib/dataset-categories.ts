/**
 * Text columns of an uploaded dataset: a categorical feature (a product type, a machine model, a shift) or a column
 * no model can learn from — an identifier (a serial number, a product id: nearly every value its own) or free text
 * (notes). Told apart by the number of distinct values, the same way at upload and at training.
 */

/** A categorical column has at most this many distinct values; more is an identifier. */
export const MAX_CATEGORY_LEVELS = 100;
/**
 * Longest categorical value, in characters; a longer one makes the column free text. The same bound as a string in a
 * prediction's `readings`, so every level can be given there.
 */
export const MAX_LEVEL_CHARS = 100;
/** Columns with more distinct values than this are judged by their share of distinct values as well. */
const FEW_LEVELS = 10;
/** More distinct values than this share of the non-empty cells: nearly every value is its own, an identifier. */
const UNIQUE_SHARE = 0.5;

export type TextColumnVerdict = { use: 'categorical'; levels: number } | { use: 'ignored'; reason: 'identifier' | 'free_text' | 'empty'; levels: number };

/** What a text column is, from its values (null = missing). */
export function judgeTextColumn(values: readonly (string | null)[]): TextColumnVerdict {
  const distinct = new Set<string>();
  let present = 0;
  for (const value of values) {
    if (value === null) continue;
    present += 1;
    if (value.length > MAX_LEVEL_CHARS) return { use: 'ignored', reason: 'free_text', levels: distinct.size };
    // Past the bound the exact count no longer matters: stop collecting (a 500,000-row id column stays cheap).
    if (distinct.size <= MAX_CATEGORY_LEVELS) distinct.add(value);
  }
  const levels = distinct.size;
  if (present === 0) return { use: 'ignored', reason: 'empty', levels: 0 };
  if (levels > MAX_CATEGORY_LEVELS) return { use: 'ignored', reason: 'identifier', levels };
  if (levels > FEW_LEVELS && levels > UNIQUE_SHARE * present) return { use: 'ignored', reason: 'identifier', levels };
  return { use: 'categorical', levels };
}

/** Why a column is not a feature, in words for the dataset view and the training metrics. */
export function ignoredReason(verdict: Extract<TextColumnVerdict, { use: 'ignored' }>): string {
  switch (verdict.reason) {
    case 'identifier':
      return verdict.levels > MAX_CATEGORY_LEVELS
        ? `an identifier: more than ${MAX_CATEGORY_LEVELS} distinct values`
        : `an identifier: ${verdict.levels} distinct values, most rows have their own`;
    case 'free_text':
      return `free text: values longer than ${MAX_LEVEL_CHARS} characters`;
    case 'empty':
      return 'no value in any row';
  }
}

/**
 * The levels a model learns for a categorical column, most frequent first (ties in code-unit order), at most
 * MAX_CATEGORY_LEVELS: a stable, label-free order, so an ordinal code means the same on every retraining.
 */
export function categoryLevels(values: readonly (string | null)[], rows?: readonly number[]): string[] {
  const counts = new Map<string, number>();
  const add = (value: string | null): void => {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  if (rows) for (const r of rows) add(values[r]);
  else for (const value of values) add(value);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_CATEGORY_LEVELS)
    .map(([level]) => level);
}

import type { SeriesColumns } from './series-feature.types';
import { SeriesTable } from './series-table';

/** The cap most C-MAPSS work applies: early in life the remaining useful life cannot be read from the sensors. */
export const CMAPSS_RUL_CAP = 125;

export interface RulLabelOptions extends SeriesColumns {
  /** Upper limit of the label; none by default, since `order` may be a time in any unit. */
  cap?: number;
}

/**
 * Remaining useful life of each row, in input order: the last order of its group (where it failed) minus its own
 * order, capped. Throws `RangeError` like `SeriesFeaturePlan.transform` does for bad groups or orders.
 */
export function rulLabels(rows: readonly Record<string, unknown>[], opts: RulLabelOptions): number[] {
  const cap = opts.cap ?? Infinity;
  if (!(cap > 0)) throw new RangeError(`RUL cap must be positive, got ${String(opts.cap)}`);
  const table = SeriesTable.read(rows, opts, []);
  const labels = new Array<number>(table.size);
  for (const members of table.series) {
    const end = table.orderOf[members[members.length - 1]];
    for (const i of members) labels[i] = Math.min(cap, end - table.orderOf[i]);
  }
  return labels;
}

import { SeriesFeaturePlan } from './series-feature-plan';
import { normalizeSeriesFeatureSpec, seriesFeatureNames } from './series-feature-spec';
import type { SeriesFeatureOptions } from './series-feature.types';
import { SeriesTable } from './series-table';

/**
 * Learns a window-feature plan from training rows: checks the rows, drops columns constant on them (when
 * `spec.dropConstant`), and fixes the output feature names. Throws `RangeError` for bad options or rows.
 */
export function fitSeriesFeatures(rows: readonly Record<string, unknown>[], opts: SeriesFeatureOptions): SeriesFeaturePlan {
  const { group, order, columns } = opts;
  const spec = normalizeSeriesFeatureSpec(opts.spec);
  if (typeof group !== 'string' || typeof order !== 'string' || group === order) {
    throw new RangeError('`group` and `order` must name two different columns');
  }
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) throw new RangeError('`columns` must be a string array');
  if (new Set(columns).size !== columns.length) throw new RangeError('`columns` must not repeat');
  if (columns.includes(group)) throw new RangeError(`the group column "${group}" cannot be an input column`);
  if (rows.length === 0) throw new RangeError('no rows to fit the series features on');

  const table = SeriesTable.read(rows, { group, order }, columns);
  const constant = (c: number): boolean => {
    const values = table.values[c];
    return values.every((v) => v === values[0]);
  };
  const dropped = spec.dropConstant ? columns.filter((_, c) => constant(c)) : [];
  const kept = columns.filter((c) => !dropped.includes(c));
  const names = seriesFeatureNames(order, kept, spec);
  if (names.length === 0) {
    throw new RangeError(dropped.length > 0 ? `no features left: every column is constant (${dropped.join(', ')})` : 'the spec produces no features');
  }
  return SeriesFeaturePlan.fromJSON({ version: 1, group, order, columns: kept, droppedColumns: dropped, spec, names });
}

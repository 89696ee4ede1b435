import type { SeriesColumns, SeriesGroupKey } from './series-feature.types';

/**
 * A dataset's rows read into numbers once: each group's rows sorted by `order`, the input columns as typed arrays.
 * Rows keep their input positions, so outputs can be written back in input order whatever order the rows came in.
 */
export class SeriesTable {
  private constructor(
    /** Group of each input row. */
    readonly groupOf: SeriesGroupKey[],
    /** Order of each input row. */
    readonly orderOf: Float64Array,
    /** One array per column, indexed by input row. */
    readonly values: Float64Array[],
    /** Input row indices of each group sorted by order, groups in order of first appearance. */
    readonly series: Int32Array[],
  ) {}

  get size(): number {
    return this.orderOf.length;
  }

  /** Throws `RangeError` for a missing or non-numeric value, a non-numeric order or two rows at one (group, order). */
  static read(rows: readonly Record<string, unknown>[], at: SeriesColumns, columns: readonly string[]): SeriesTable {
    const n = rows.length;
    const groupOf: SeriesGroupKey[] = new Array<SeriesGroupKey>(n);
    const orderOf = new Float64Array(n);
    const values = columns.map(() => new Float64Array(n));
    const members = new Map<SeriesGroupKey, number[]>();
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      groupOf[i] = readGroup(row, at.group, i);
      orderOf[i] = readNumber(row, at.order, i, 'order column');
      for (let c = 0; c < columns.length; c++) values[c][i] = readNumber(row, columns[c], i, 'column');
      const list = members.get(groupOf[i]);
      if (list) list.push(i);
      else members.set(groupOf[i], [i]);
    }
    const series: Int32Array[] = [];
    for (const [key, list] of members) {
      const sorted = Int32Array.from(list).sort((a, b) => orderOf[a] - orderOf[b] || a - b);
      for (let k = 1; k < sorted.length; k++) {
        if (orderOf[sorted[k]] === orderOf[sorted[k - 1]]) {
          throw new RangeError(
            `group ${JSON.stringify(key)} has two rows at ${at.order} = ${orderOf[sorted[k]]} ` +
              `(rows ${Math.min(sorted[k - 1], sorted[k])} and ${Math.max(sorted[k - 1], sorted[k])}); ` +
              `each (${at.group}, ${at.order}) pair must be unique`,
          );
        }
      }
      series.push(sorted);
    }
    return new SeriesTable(groupOf, orderOf, values, series);
  }
}

function readGroup(row: Record<string, unknown>, column: string, index: number): SeriesGroupKey {
  const value = row[column];
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (value === undefined || value === null) throw new RangeError(`row ${index}: group column "${column}" is missing`);
  throw new RangeError(`row ${index}: group column "${column}" must be a string or a number, got ${show(value)}`);
}

/** Numbers, numeric strings (CSV uploads) and, for time orders, dates. */
function readNumber(row: Record<string, unknown>, column: string, index: number, what: string): number {
  const value = row[column];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.getTime();
  if (value === undefined || value === null) throw new RangeError(`row ${index}: ${what} "${column}" is missing`);
  throw new RangeError(`row ${index}: ${what} "${column}" must be a finite number, got ${show(value)}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Object.prototype.toString.call(value);
}

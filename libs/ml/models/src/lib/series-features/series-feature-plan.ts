import { RollingWindowStats } from './rolling-window-stats';
import { normalizeSeriesFeatureSpec, seriesFeatureNames } from './series-feature-spec';
import type { SeriesFeatureMatrix, SeriesFeaturePlanJson, SeriesFeatureSpec, SeriesStat, SeriesTransformOptions } from './series-feature.types';
import { SeriesTable } from './series-table';

/**
 * What `fitSeriesFeatures` learnt from training rows, applied the same way at training and at serving: each output
 * row comes from its input row and the earlier rows of its group only (trailing windows, no look-ahead).
 */
export class SeriesFeaturePlan {
  private readonly plan: SeriesFeaturePlanJson;
  /** Position of each stat's first feature within a column's block. */
  private readonly statOffset = new Map<SeriesStat, number>();
  private readonly perColumn: number;

  private constructor(plan: SeriesFeaturePlanJson) {
    this.plan = plan;
    let offset = 0;
    for (const stat of plan.spec.stats) {
      this.statOffset.set(stat, offset);
      offset += stat === 'last' ? 1 : plan.spec.windows.length;
    }
    this.perColumn = offset;
  }

  get names(): string[] {
    return [...this.plan.names];
  }

  /** Input columns read at transform time. */
  get columns(): string[] {
    return [...this.plan.columns];
  }

  /** Input columns dropped because they were constant on the training rows. */
  get droppedColumns(): string[] {
    return [...this.plan.droppedColumns];
  }

  /**
   * One feature row per input row, in input order, whatever order the rows come in. Throws `RangeError` for a missing
   * or non-numeric value or order, or two rows at one (group, order).
   */
  transform(rows: readonly Record<string, unknown>[], opts: SeriesTransformOptions = {}): SeriesFeatureMatrix {
    const lastOnly = opts.rows === 'last';
    const { spec, names } = this.plan;
    const table = SeriesTable.read(rows, this.plan, this.plan.columns);
    const width = names.length;
    const height = lastOnly ? table.series.length : table.size;
    const buffer = new Float64Array(height * width);
    const longest = table.series.reduce((m, s) => Math.max(m, s.length), 0);
    const x = new Float64Array(longest);
    const y = new Float64Array(longest);
    const scratch = Array.from({ length: 6 }, () => new Float64Array(longest));
    const [mean, std, slope, min, max, ewm] = scratch;
    const stats = new RollingWindowStats(longest);
    // One group's features, feature-major: series are copied in whole, then transposed into the output rows.
    const block = lastOnly ? new Float64Array(0) : new Float64Array(width * longest);
    const wants = (s: SeriesStat): boolean => this.statOffset.has(s);
    const base = spec.includeOrder ? 1 : 0;

    table.series.forEach((members, g) => {
      const m = members.length;
      // Stores one computed series as feature `f` of the group's rows.
      const put = (values: Float64Array, f: number): void => {
        if (lastOnly) buffer[g * width + f] = values[m - 1];
        else block.set(values.subarray(0, m), f * m);
      };
      for (let k = 0; k < m; k++) x[k] = table.orderOf[members[k]];
      if (spec.includeOrder) put(x, 0);
      this.plan.columns.forEach((_, c) => {
        const column = table.values[c];
        for (let k = 0; k < m; k++) y[k] = column[members[k]];
        const first = base + c * this.perColumn;
        const at = (stat: SeriesStat, w: number): number => first + (this.statOffset.get(stat) ?? 0) + w;
        if (wants('last')) put(y, at('last', 0));
        spec.windows.forEach((w, wi) => {
          if (wants('mean') || wants('std') || wants('slope')) {
            stats.moments(y, x, m, w, {
              mean: wants('mean') ? mean : null,
              std: wants('std') ? std : null,
              slope: wants('slope') ? slope : null,
            });
          }
          if (wants('min') || wants('max')) {
            stats.extremes(y, m, w, { min: wants('min') ? min : null, max: wants('max') ? max : null });
          }
          if (wants('ewm')) stats.ewm(y, m, w, ewm);
          if (wants('mean')) put(mean, at('mean', wi));
          if (wants('std')) put(std, at('std', wi));
          if (wants('slope')) put(slope, at('slope', wi));
          if (wants('min')) put(min, at('min', wi));
          if (wants('max')) put(max, at('max', wi));
          if (wants('ewm')) put(ewm, at('ewm', wi));
        });
      });
      if (!lastOnly) transposeInto(buffer, width, block, members);
    });

    const matrix = Array.from({ length: height }, (_, i) => buffer.subarray(i * width, (i + 1) * width));
    if (lastOnly) {
      const lasts = table.series.map((members) => members[members.length - 1]);
      return { names: [...names], matrix, groups: lasts.map((i) => table.groupOf[i]), orders: lasts.map((i) => table.orderOf[i]) };
    }
    return { names: [...names], matrix, groups: [...table.groupOf], orders: Array.from(table.orderOf) };
  }

  /**
   * The feature row of each group's last row (by order) only, groups in order of first appearance: serving predicts
   * from the history so far.
   */
  transformLast(rows: readonly Record<string, unknown>[]): SeriesFeatureMatrix {
    return this.transform(rows, { rows: 'last' });
  }

  toJSON(): SeriesFeaturePlanJson {
    const { spec } = this.plan;
    return {
      ...this.plan,
      columns: [...this.plan.columns],
      droppedColumns: [...this.plan.droppedColumns],
      spec: { ...spec, windows: [...spec.windows], stats: [...spec.stats] },
      names: [...this.plan.names],
    };
  }

  /** Rebuilds a plan from `toJSON()` output; throws `RangeError` when the JSON is not a plan this code can apply. */
  static fromJSON(json: unknown): SeriesFeaturePlan {
    const fail = (why: string): never => {
      throw new RangeError(`invalid series feature plan: ${why}`);
    };
    if (typeof json !== 'object' || json === null) return fail('not an object');
    const raw = json as Partial<Record<keyof SeriesFeaturePlanJson, unknown>>;
    if (raw.version !== 1) fail(`unsupported version ${String(raw.version)}`);
    if (typeof raw.group !== 'string' || typeof raw.order !== 'string') fail('`group` and `order` must be strings');
    const strings = (v: unknown, key: string): string[] =>
      Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...v] : fail(`\`${key}\` must be a string array`);
    const columns = strings(raw.columns, 'columns');
    const droppedColumns = strings(raw.droppedColumns, 'droppedColumns');
    const names = strings(raw.names, 'names');
    const spec = normalizeSeriesFeatureSpec(raw.spec as SeriesFeatureSpec);
    const order = raw.order as string;
    const expected = seriesFeatureNames(order, columns, spec);
    if (expected.length !== names.length || expected.some((n, i) => n !== names[i])) {
      fail('`names` do not match its columns and spec');
    }
    return new SeriesFeaturePlan({ version: 1, group: raw.group as string, order, columns, droppedColumns, spec, names });
  }
}

/**
 * Writes a feature-major block (feature f of the group's k-th row at `f * m + k`) into the output rows `rows[k]`,
 * a few rows at a time so that both sides stay in cache (writing one feature down all rows strides a whole row).
 */
function transposeInto(buffer: Float64Array, width: number, block: Float64Array, rows: Int32Array): void {
  const m = rows.length;
  const tile = 16;
  for (let k0 = 0; k0 < m; k0 += tile) {
    const k1 = Math.min(m, k0 + tile);
    for (let f = 0; f < width; f++) {
      const from = f * m;
      for (let k = k0; k < k1; k++) buffer[rows[k] * width + f] = block[from + k];
    }
  }
}

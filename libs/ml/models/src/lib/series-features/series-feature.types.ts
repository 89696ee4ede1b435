/**
 * Inputs and outputs of the window-feature builder. Datasets with a `group` column (a machine, an engine) and an
 * `order` column (time, cycle) are one time series per group (API: "models then build their own window features along
 * `order` within each group").
 */

/** The statistics a trailing window can produce; `last` is the row's own value and takes no window. */
export type SeriesStat = 'mean' | 'std' | 'slope' | 'min' | 'max' | 'last' | 'ewm';

export const SERIES_STATS: readonly SeriesStat[] = ['mean', 'std', 'slope', 'min', 'max', 'last', 'ewm'];

export interface SeriesFeatureSpec {
  /** Trailing window lengths in rows, e.g. `[5, 10, 20, 30]`; for `ewm` the window is the span (α = 2 / (w + 1)). */
  windows: number[];
  stats: SeriesStat[];
  /** Adds the row's own `order` value as a feature (the operating cycle, say). */
  includeOrder?: boolean;
  /** Drops input columns that hold one value on all training rows (they carry no information). */
  dropConstant?: boolean;
}

/** Where to find the series in a dataset's rows. */
export interface SeriesColumns {
  group: string;
  order: string;
}

export interface SeriesFeatureOptions extends SeriesColumns {
  /** Numeric input columns. */
  columns: string[];
  spec: SeriesFeatureSpec;
}

export interface SeriesTransformOptions {
  /** `last` keeps only each group's last row (serving: predict from the history so far). */
  rows?: 'all' | 'last';
}

/** Feature rows, each with the group and order of the input row it describes. */
export interface SeriesFeatureMatrix {
  names: string[];
  matrix: Float64Array[];
  groups: (string | number)[];
  orders: number[];
}

export type SeriesGroupKey = string | number;

/** The plan as plain JSON, to store beside a trained model. */
export interface SeriesFeaturePlanJson {
  version: 1;
  group: string;
  order: string;
  /** The input columns the plan reads (constant training columns already removed). */
  columns: string[];
  droppedColumns: string[];
  spec: SeriesFeatureSpec;
  names: string[];
}

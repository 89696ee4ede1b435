import { SERIES_STATS, type SeriesFeatureSpec } from './series-feature.types';

/** A checked copy of the spec; throws `RangeError` for a window that is not a positive integer or an unknown stat. */
export function normalizeSeriesFeatureSpec(spec: SeriesFeatureSpec): SeriesFeatureSpec {
  if (!spec || !Array.isArray(spec.windows) || !Array.isArray(spec.stats)) {
    throw new RangeError('series feature spec needs `windows` and `stats` arrays');
  }
  for (const w of spec.windows) {
    if (!Number.isInteger(w) || w < 1) throw new RangeError(`window ${String(w)} is not a positive integer`);
  }
  for (const s of spec.stats) {
    if (!SERIES_STATS.includes(s)) throw new RangeError(`unknown stat ${JSON.stringify(s)}; use one of ${SERIES_STATS.join(', ')}`);
  }
  if (new Set(spec.windows).size !== spec.windows.length) throw new RangeError('windows must not repeat');
  if (new Set(spec.stats).size !== spec.stats.length) throw new RangeError('stats must not repeat');
  if (spec.stats.some((s) => s !== 'last') && spec.windows.length === 0) {
    throw new RangeError(`stats ${spec.stats.join(', ')} need at least one window`);
  }
  return {
    windows: [...spec.windows],
    stats: [...spec.stats],
    includeOrder: spec.includeOrder === true,
    dropConstant: spec.dropConstant === true,
  };
}

/**
 * Output names, in column order: `<order>` first when included, then per column and stat in spec order
 * `<column>_<stat>_<window>` (`<column>_last` once, it has no window).
 */
export function seriesFeatureNames(order: string, columns: readonly string[], spec: SeriesFeatureSpec): string[] {
  const names: string[] = spec.includeOrder ? [order] : [];
  for (const column of columns) {
    for (const stat of spec.stats) {
      if (stat === 'last') names.push(`${column}_last`);
      else for (const w of spec.windows) names.push(`${column}_${stat}_${w}`);
    }
  }
  return names;
}

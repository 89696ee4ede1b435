export { fitSeriesFeatures } from './fit-series-features';
export { CMAPSS_RUL_CAP, rulLabels, type RulLabelOptions } from './rul-labels';
export { SeriesFeaturePlan } from './series-feature-plan';
export {
  SERIES_STATS,
  type SeriesColumns,
  type SeriesFeatureMatrix,
  type SeriesFeatureOptions,
  type SeriesFeaturePlanJson,
  type SeriesFeatureSpec,
  type SeriesGroupKey,
  type SeriesStat,
  type SeriesTransformOptions,
} from './series-feature.types';

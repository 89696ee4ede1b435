// Evaluation figures for classifiers and regressors (remaining useful life), as reported by the ml service.
export * from './metrics.types';
export * from './classification-metrics';
export * from './best-f1-threshold';
export * from './fold-f1-threshold';
export * from './regression-metrics';

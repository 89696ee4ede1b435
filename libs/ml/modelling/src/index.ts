// Training and serving of the ml service's models: datasets and the shop-floor history in, artifacts, metrics and the
// promotion gate's comparison out. Plain TypeScript with no framework and no I/O (the caller loads histories and
// tables), so a worker thread trains with the same code the service predicts with.
export * from './lib/dataset-categories';
export * from './lib/dataset-table';
export * from './lib/dataset-trainer';
export * from './lib/promotion';
export * from './lib/shopfloor-anomaly';
export * from './lib/shopfloor-comparison';
export * from './lib/shopfloor-maintenance';
export * from './lib/shopfloor-trainer';
export * from './lib/trained-model';
export * from './lib/model-artifact-codec';

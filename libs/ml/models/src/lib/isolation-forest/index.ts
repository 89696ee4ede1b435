// Anomaly detection: isolation forest with per-feature attribution (the ml service's `anomaly` model).
export { IsolationForest } from './isolation-forest';
export type { AnomalyContribution, IsolationForestJson, IsolationForestParams, IsolationForestRow } from './isolation-forest.types';

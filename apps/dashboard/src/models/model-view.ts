import type { components } from '@shopfloor/client';
import { count, decimal, percent } from '../board/format';

export type Model = components['schemas']['ModelView'];
export type ModelType = components['schemas']['ModelType'];
export type Training = components['schemas']['TrainingView'];
export type Accuracy = components['schemas']['ModelAccuracyView'];

/** The shop-floor model types, each trained on the synced history (no dataset needed). */
export const MODEL_TYPES: readonly ModelType[] = ['downtime', 'failure_risk', 'maintenance_window', 'anomaly'];

export const TYPE_LABELS: Record<ModelType, { title: string; what: string }> = {
  downtime: { title: 'Downtime', what: 'probability of a stop within the horizon (classifier)' },
  failure_risk: { title: 'Failure risk', what: 'probability of a breakdown (classifier)' },
  maintenance_window: { title: 'Maintenance window', what: 'remaining life in hours (regression)' },
  anomaly: { title: 'Anomaly', what: 'hours whose readings look unlike normal (unsupervised)' },
};

type Kind = 'ratio' | 'number' | 'count' | 'percent';
const CLASSIFIER: [string, string, Kind][] = [
  ['f1', 'F1', 'ratio'],
  ['pr_auc', 'PR-AUC', 'ratio'],
  ['precision', 'Precision', 'ratio'],
  ['recall', 'Recall', 'ratio'],
  ['roc_auc', 'ROC-AUC', 'ratio'],
  ['brier_score', 'Brier score', 'ratio'],
];
const REGRESSION: [string, string, Kind][] = [
  ['rmse', 'RMSE', 'number'],
  ['mae', 'MAE', 'number'],
  ['nasa_score', 'NASA score', 'number'],
];
/** The measures that say most about a version of each type, in the order shown. */
const KEY_METRICS: Record<ModelType, [string, string, Kind][]> = {
  downtime: CLASSIFIER,
  failure_risk: CLASSIFIER,
  maintenance_window: REGRESSION,
  anomaly: [
    ['training_hours', 'Training hours', 'count'],
    ['threshold', 'Threshold', 'number'],
    ['flagged_share_in_training', 'Flagged in training', 'percent'],
  ],
};

const show = (value: number, kind: Kind): string =>
  kind === 'count' ? count(value) : kind === 'percent' ? percent(value) : decimal(value, kind === 'ratio' ? 3 : 2);

/**
 * The key measures of a version's `metrics` for its type (F1 and PR-AUC of a classifier, RMSE and MAE of a
 * regression, …); when none of them is there, the first few numbers it holds, under their own names.
 */
export function keyMetrics(type: ModelType, metrics: Record<string, unknown> | null | undefined, limit = 4): { label: string; value: string }[] {
  if (!metrics) return [];
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const known = KEY_METRICS[type].filter(([key]) => isNumber(metrics[key])).map(([key, label, kind]) => ({ label, value: show(metrics[key] as number, kind) }));
  if (known.length > 0) return known.slice(0, limit);
  return Object.entries(metrics)
    .filter((e): e is [string, number] => isNumber(e[1]))
    .slice(0, limit)
    .map(([key, value]) => ({ label: key.replace(/_/g, ' '), value: decimal(value, 3) }));
}

/** Where the measures come from ("held-out machines", "none (fewer than 3 machines)"), when the metrics say. */
export function evaluatedOn(metrics: Record<string, unknown> | null | undefined): string | null {
  const on = metrics?.['evaluated_on'];
  return typeof on === 'string' ? on : null;
}

/** Each type's versions, newest first. */
export function byType(models: readonly Model[]): Record<ModelType, Model[]> {
  const groups: Record<ModelType, Model[]> = { downtime: [], failure_risk: [], maintenance_window: [], anomaly: [] };
  for (const m of models) groups[m.model_type]?.push(m);
  for (const list of Object.values(groups)) list.sort((a, b) => b.version - a.version);
  return groups;
}

/** What activating this version means against the type's active one: a rollback when an active version is newer. */
export function activation(model: Model, versions: readonly Model[]): { kind: 'active' | 'rollback' | 'switch'; question: string } {
  if (model.active) return { kind: 'active', question: '' };
  const current = versions.find((v) => v.active && v.model_type === model.model_type);
  const title = TYPE_LABELS[model.model_type].title;
  if (current && current.version > model.version) {
    return {
      kind: 'rollback',
      question: `Roll back ${title} to version ${model.version}? Version ${current.version}, newer, is active now; predictions will come from version ${model.version}.`,
    };
  }
  const replacing = current ? ` in place of version ${current.version}` : '';
  return { kind: 'switch', question: `Activate version ${model.version} of ${title}${replacing}? Predictions will come from it from now on.` };
}

/** A training's state in words, with its progress while it runs. */
export function trainingText(t: Training): string {
  switch (t.state) {
    case 'queued':
      return 'Queued: waiting for a free training slot.';
    case 'running':
      return `Training: ${percent(t.progress)} done.`;
    case 'succeeded':
      return 'Done: a new version was trained. The list shows whether it became active.';
    case 'failed':
      return `Failed: ${(t.error ?? 'no reason given').replace(/\.$/, '')}.`;
  }
}

/** Whether a training still changes, so that it is read again. */
export const trainingActive = (t: Training | undefined): boolean => t?.state === 'queued' || t?.state === 'running';

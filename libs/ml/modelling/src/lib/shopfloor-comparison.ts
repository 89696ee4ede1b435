import type { MachineHistory } from '@shopfloor/ml/features';
import { GradientBoostedTrees } from '@shopfloor/ml/models';
import { logLoss, rootMeanSquaredError, type PromotionComparison } from './promotion';
import { bound, maintenanceRow, type MaintenanceArtifact } from './shopfloor-maintenance';
import { downtimeRow, type DowntimeArtifact, type HeldOutInstant } from './shopfloor-trainer';

/** The active version a newly trained shop-floor model is compared with, and the end of the history it learnt from. */
export interface ShopfloorIncumbent {
  artifact: DowntimeArtifact | MaintenanceArtifact | { kind: string };
  dataTo: number;
}

const MIN_ROWS = 100;
const MIN_EACH_OUTCOME = 3;

/**
 * Scores the incumbent's stored model on the challenger's held-out instants that it cannot have learnt from — those of
 * held-out machines at or after the end of its own training history — and the challenger on the same instants.
 * A string says why no fair comparison could be made.
 */
export async function compareOnNewHeldOut(
  metric: 'log_loss' | 'rmse',
  held: readonly HeldOutInstant[],
  incumbent: ShopfloorIncumbent,
  loadHistory: (machineId: string) => Promise<MachineHistory>,
): Promise<PromotionComparison | string> {
  const fresh = held.filter((h) => h.at >= incumbent.dataTo);
  if (fresh.length < MIN_ROWS) return `too little new held-out history since the active version's data ended (${fresh.length} instants, ${MIN_ROWS} needed)`;
  if (metric === 'log_loss') {
    const positives = fresh.filter((h) => h.label === 1).length;
    if (positives < MIN_EACH_OUTCOME || fresh.length - positives < MIN_EACH_OUTCOME)
      return `too few outcomes of each kind in the new held-out history (${positives} of ${fresh.length} positive)`;
  }
  const artifact = incumbent.artifact;
  if (artifact.kind !== 'shopfloor-downtime' && artifact.kind !== 'shopfloor-maintenance')
    return `the active version is a ${artifact.kind} model, not one learnt from the shop-floor history`;
  const gbdt = GradientBoostedTrees.fromJSON((artifact as DowntimeArtifact | MaintenanceArtifact).gbdt);
  const byMachine = new Map<string, HeldOutInstant[]>();
  for (const h of fresh) byMachine.set(h.machineId, [...(byMachine.get(h.machineId) ?? []), h]);
  const labels: number[] = [];
  const challenger: number[] = [];
  const incumbentScores: number[] = [];
  for (const [machineId, instants] of byMachine) {
    const history = await loadHistory(machineId);
    for (const h of instants) {
      let score: number;
      if (artifact.kind === 'shopfloor-downtime') {
        const a = artifact as DowntimeArtifact;
        const { row, offset } = downtimeRow(history, h.at, h.horizonHours, a.features, a.wear);
        score = gbdt.predict(row, offset);
      } else {
        const a = artifact as MaintenanceArtifact;
        score = Math.min(bound(gbdt.predict(maintenanceRow(history, h.at, a.features).row)), a.capHours);
      }
      labels.push(h.label);
      challenger.push(h.challenger);
      incumbentScores.push(score);
    }
  }
  const measure = metric === 'log_loss' ? logLoss : rootMeanSquaredError;
  return { metric, challenger: measure(labels, challenger), incumbent: measure(labels, incumbentScores), rows: labels.length, method: 'stored' };
}

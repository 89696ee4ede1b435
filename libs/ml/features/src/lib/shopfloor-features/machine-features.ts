import type { FeatureOptions } from './feature-options';
import type { MachineHistory } from './machine-history';
import { type FeatureVector, MachineFeatureExtractor } from './machine-feature-extractor';

/**
 * Features of one machine at instant `at` (epoch ms) from its history strictly before `at`; see
 * MachineFeatureExtractor for the definitions. For many instants of one history build the extractor once.
 */
export function machineFeatures(input: MachineHistory, at: number, options?: FeatureOptions): FeatureVector {
  return new MachineFeatureExtractor(input, options).vector(at);
}

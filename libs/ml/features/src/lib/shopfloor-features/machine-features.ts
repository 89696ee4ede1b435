import type { FeatureOptions } from './feature-options';
import type { MachineHistory } from './machine-history';
import { type FeatureVector, MachineFeatureExtractor } from './machine-feature-extractor';

interface Cached {
  /** What the extractor was built from: a history grown or cut since is built anew. */
  shape: string;
  extractor: MachineFeatureExtractor;
}

/**
 * Extractors of the histories features were last asked of, by their options. Several models score one machine
 * at one instant from one history (a scoring round asks five): its index is built once. Kept only as long as the
 * history object itself.
 */
const extractors = new WeakMap<MachineHistory, Map<string, Cached>>();

const shapeOf = (input: MachineHistory): string => `${input.jobs.length}/${input.stops.length}/${input.readings?.length ?? 0}/${input.since}/${input.until}`;

/**
 * Features of one machine at instant `at` (epoch ms) from its history strictly before `at`; see
 * MachineFeatureExtractor for the definitions. For many instants of one history build the extractor once (or call
 * this again with the same history object and options: its extractor is reused while the history's record counts and
 * bounds are unchanged).
 */
export function machineFeatures(input: MachineHistory, at: number, options?: FeatureOptions): FeatureVector {
  const key = JSON.stringify(options ?? {});
  const shape = shapeOf(input);
  let byOptions = extractors.get(input);
  if (!byOptions) {
    byOptions = new Map();
    extractors.set(input, byOptions);
  }
  let cached = byOptions.get(key);
  if (!cached || cached.shape !== shape) {
    cached = { shape, extractor: new MachineFeatureExtractor(input, options) };
    byOptions.set(key, cached);
  }
  return cached.extractor.vector(at);
}

import type { DecisionTree, GbdtArtifact, GbdtTreeArtifact } from './gbdt.types';
import { resolveGbdtParams } from './resolve-gbdt-params';

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function numbers(tree: Json, key: keyof GbdtTreeArtifact, length: number | null, where: string): number[] {
  const list = tree[key];
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new RangeError(`${where}.${key} must be an array of finite numbers`);
  }
  if (length !== null && list.length !== length) {
    throw new RangeError(`${where}.${key} has ${list.length} nodes, not ${length}`);
  }
  return list as number[];
}

/** Checks one tree's arrays and structure: children after their parent (so no cycles), covers that add up. */
function parseTree(x: unknown, featureCount: number, where: string): DecisionTree {
  if (!isObject(x)) throw new RangeError(`${where} is not an object`);
  const feature = numbers(x, 'feature', null, where);
  const size = feature.length;
  if (size === 0) throw new RangeError(`${where} has no nodes`);
  const threshold = numbers(x, 'threshold', size, where);
  const missingLeft = numbers(x, 'missingLeft', size, where);
  const left = numbers(x, 'left', size, where);
  const value = numbers(x, 'value', size, where);
  const cover = numbers(x, 'cover', size, where);
  for (let node = 0; node < size; node++) {
    const f = feature[node];
    if (!Number.isInteger(f) || f < -1 || f >= featureCount) throw new RangeError(`${where} node ${node}: bad feature ${f}`);
    if (!(cover[node] > 0)) throw new RangeError(`${where} node ${node}: cover must be > 0`);
    if (missingLeft[node] !== 0 && missingLeft[node] !== 1) {
      throw new RangeError(`${where} node ${node}: missingLeft must be 0 or 1`);
    }
    if (f === -1) {
      if (left[node] !== -1) throw new RangeError(`${where} node ${node}: a leaf has no children`);
      continue;
    }
    const child = left[node];
    if (!Number.isInteger(child) || child <= node || child + 1 >= size) {
      throw new RangeError(`${where} node ${node}: children must come after it, got ${child}`);
    }
    if (Math.abs(cover[child] + cover[child + 1] - cover[node]) > 1e-9 * cover[node]) {
      throw new RangeError(`${where} node ${node}: children's cover does not add up to its own`);
    }
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left),
    value: Float64Array.from(value),
    cover: Float64Array.from(cover),
  };
}

/** Reads a stored model back, throwing a RangeError that says what is wrong with it. */
export function parseGbdtArtifact(x: unknown): { artifact: GbdtArtifact; trees: DecisionTree[] } {
  if (!isObject(x)) throw new RangeError('GBDT artifact is not an object');
  if (x['format'] !== 'gbdt' || x['version'] !== 1) throw new RangeError('not a GBDT artifact of format "gbdt", version 1');
  const objective = x['objective'];
  if (objective !== 'binary' && objective !== 'regression') throw new RangeError(`bad objective ${String(objective)}`);
  const names = x['featureNames'];
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
    throw new RangeError('featureNames must be a non-empty array of strings');
  }
  const baseScore = x['baseScore'];
  if (typeof baseScore !== 'number' || !Number.isFinite(baseScore)) throw new RangeError('baseScore must be a finite number');
  if (!isObject(x['params'])) throw new RangeError('params must be an object');
  const params = resolveGbdtParams({ ...x['params'], objective });
  const list = x['trees'];
  if (!Array.isArray(list) || list.length === 0) throw new RangeError('trees must be a non-empty array');
  const trees = list.map((tree, t) => parseTree(tree, names.length, `trees[${t}]`));
  return {
    artifact: { format: 'gbdt', version: 1, objective, featureNames: names as string[], baseScore, params, trees: [] },
    trees,
  };
}

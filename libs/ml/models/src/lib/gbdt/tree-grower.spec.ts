import { foldSeed, SeededRandom } from '@shopfloor/util';
import { FeatureBinner } from './feature-binner';
import { TreeGrower, type BinnedRows } from './tree-grower';

/** 400 rows: a continuous feature with some missing values, a 3-valued one, and gradients of a logistic start. */
function problem(): { data: BinnedRows; grad: Float64Array; hess: Float64Array } {
  const random = new SeededRandom(foldSeed(7));
  const rows = Array.from({ length: 400 }, () => [random.next() < 0.1 ? Number.NaN : random.next() * 100, Math.floor(random.next() * 3)]);
  const labels = rows.map(([x, k]) => ((x > 70 && k !== 2) || (Number.isNaN(x) && k === 0) ? 1 : 0));
  const indices = rows.map((_, i) => i);
  const binner = FeatureBinner.fit(rows, indices, 2, 1024);
  const grad = Float64Array.from(labels, (y) => 0.3 - y);
  const hess = Float64Array.from(labels, () => 0.21);
  return { data: { binner, codes: binner.bin(rows, indices), count: rows.length }, grad, hess };
}

describe(TreeGrower.name, () => {
  it('finds the same splits from sorted rows as from a scan of every bin', () => {
    const { data, grad, hess } = problem();
    const grow = (ratio: number) => {
      const order = Uint32Array.from({ length: data.count }, (_, i) => i);
      return new TreeGrower(data, 5, 3, 1, 0.1, ratio).grow(grad, hess, order, data.count, Int32Array.from([0, 1]));
    };
    const scanned = grow(0);
    const sorted = grow(Number.POSITIVE_INFINITY);
    expect(Array.from(sorted.tree.feature)).toEqual(Array.from(scanned.tree.feature));
    expect(Array.from(sorted.tree.threshold)).toEqual(Array.from(scanned.tree.threshold));
    expect(Array.from(sorted.tree.missingLeft)).toEqual(Array.from(scanned.tree.missingLeft));
    expect(Array.from(sorted.splitBin)).toEqual(Array.from(scanned.splitBin));
    sorted.tree.value.forEach((v, i) => expect(v).toBeCloseTo(scanned.tree.value[i], 12));
    expect(scanned.tree.feature.filter((f) => f >= 0).length).toBeGreaterThan(3);
  });
});

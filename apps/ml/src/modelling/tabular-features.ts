/**
 * The columns a tabular model sees: its input columns as they are, and — for a handful of inputs — every pair's
 * product and difference. Trees split on one column at a time, so a failure that depends on torque × speed (power)
 * or on process − air temperature would otherwise need a staircase of splits; the crossed columns give it in one.
 */
export const MAX_CROSSED_INPUTS = 12;

export interface TabularLayout {
  inputs: string[];
  /** Input index pairs [i, j] (i < j) whose product and difference are appended, in this order. */
  crosses: [number, number][];
}

export function tabularLayout(inputs: string[], crossed: boolean): TabularLayout {
  const crosses: [number, number][] = [];
  if (crossed && inputs.length <= MAX_CROSSED_INPUTS) {
    for (let i = 0; i < inputs.length; i += 1) for (let j = i + 1; j < inputs.length; j += 1) crosses.push([i, j]);
  }
  return { inputs, crosses };
}

export function tabularFeatureNames(layout: TabularLayout): string[] {
  return [...layout.inputs, ...layout.crosses.flatMap(([i, j]) => [`${layout.inputs[i]} × ${layout.inputs[j]}`, `${layout.inputs[i]} − ${layout.inputs[j]}`])];
}

/** One model row from the input values (NaN = missing; a crossed value with a missing part is missing). */
export function tabularRow(layout: TabularLayout, inputs: ArrayLike<number>, out = new Float64Array(layout.inputs.length + 2 * layout.crosses.length)): Float64Array {
  const n = layout.inputs.length;
  for (let i = 0; i < n; i += 1) out[i] = inputs[i];
  let k = n;
  for (const [i, j] of layout.crosses) {
    out[k] = inputs[i] * inputs[j];
    out[k + 1] = inputs[i] - inputs[j];
    k += 2;
  }
  return out;
}

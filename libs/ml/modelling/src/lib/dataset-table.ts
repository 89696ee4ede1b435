import { DomainError, ErrorCode } from '@shopfloor/contracts';

/** A stored dataset as a model sees it: numeric input columns, the label, and for a time series its group and order. */
export interface DatasetTable {
  rowCount: number;
  inputs: string[];
  /** Column-major input values, one Float64Array per input. */
  inputValues: Float64Array[];
  label: Float64Array | null;
  groups: string[] | null;
  orders: Float64Array | null;
  /** Text feature columns (categorical features; null = missing), in upload order. */
  categorical?: { name: string; values: (string | null)[] }[];
}

/** The table's text values for the model's categorical inputs, in the model's order; a dataset lacking one is refused. */
export function categoricalFor(table: DatasetTable, wanted: readonly string[]): (string | null)[][] {
  const have = table.categorical ?? [];
  const missing = wanted.filter((name) => !have.some((c) => c.name === name));
  if (missing.length > 0) throw lacking(missing);
  return wanted.map((name) => (have.find((c) => c.name === name) as { values: (string | null)[] }).values);
}

/** Whether the table has every input the model reads (numbers and categorical). */
export function hasInputs(table: DatasetTable, numeric: readonly string[], categorical: readonly string[] = []): boolean {
  return numeric.every((name) => table.inputs.includes(name)) && categorical.every((name) => (table.categorical ?? []).some((c) => c.name === name));
}

const lacking = (missing: string[]): DomainError =>
  new DomainError(
    ErrorCode.ValidationFailed,
    `The dataset lacks columns the model was trained on: ${missing.join(', ')}`,
    { missing_columns: missing },
    missing.map((name) => ({ field: `columns.${name}`, message: 'is required by the model', invalid_value: null })),
  );

/** The table's values for the model's inputs, in the model's order; a dataset lacking one of them is refused. */
export function inputsFor(table: DatasetTable, wanted: readonly string[]): Float64Array[] {
  const missing = wanted.filter((name) => !table.inputs.includes(name));
  if (missing.length > 0) throw lacking(missing);
  return wanted.map((name) => table.inputValues[table.inputs.indexOf(name)]);
}

/** Row objects (input columns plus group and order), as the series feature plan reads them. */
export function seriesRows(table: DatasetTable, inputs: readonly string[], group: string, order: string): Record<string, unknown>[] {
  if (!table.groups || !table.orders)
    throw new DomainError(ErrorCode.ValidationFailed, 'This model needs a time-series dataset (with group and order columns)', null, [
      { field: 'dataset_id', message: 'must have group and order', invalid_value: null },
    ]);
  const values = inputsFor(table, inputs);
  const rows = new Array<Record<string, unknown>>(table.rowCount);
  for (let r = 0; r < table.rowCount; r += 1) {
    const row: Record<string, unknown> = { [group]: table.groups[r], [order]: table.orders[r] };
    inputs.forEach((name, c) => {
      row[name] = values[c][r];
    });
    rows[r] = row;
  }
  return rows;
}

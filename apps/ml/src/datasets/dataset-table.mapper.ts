import type { DatasetColumn, DatasetRecord } from '@shopfloor/ml/data-access';
import type { DatasetTable } from '@shopfloor/ml/modelling';

/** A stored dataset's columns as the models read them: the label, group and order columns apart from the inputs. */
export function datasetTable(dataset: Pick<DatasetRecord, 'label' | 'groupColumn' | 'orderColumn' | 'rowCount'>, columns: DatasetColumn[]): DatasetTable {
  const inputs: string[] = [];
  const inputValues: Float64Array[] = [];
  let label: Float64Array | null = null;
  let groups: string[] | null = null;
  let orders: Float64Array | null = null;
  const categorical: { name: string; values: (string | null)[] }[] = [];
  for (const column of columns) {
    if (column.name === dataset.groupColumn) groups = Array.from(column.values as ArrayLike<string | number | null>, (v) => String(v));
    else if (column.kind !== 'number') {
      if (column.name !== dataset.label && column.name !== dataset.orderColumn) categorical.push({ name: column.name, values: column.values });
    } else if (column.name === dataset.label) label = column.values;
    else if (column.name === dataset.orderColumn) orders = column.values;
    else {
      inputs.push(column.name);
      inputValues.push(column.values);
    }
  }
  return { rowCount: dataset.rowCount, inputs, inputValues, label, groups, orders, categorical };
}

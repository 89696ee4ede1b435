import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type DatasetColumnKind = 'number' | 'text';

/** A dataset column: numbers as float64 (NaN = missing), text as strings (null = missing). */
export type DatasetColumn = { name: string; kind: 'number'; values: Float64Array } | { name: string; kind: 'text'; values: (string | null)[] };

export interface DatasetRecord {
  datasetId: string;
  name: string;
  label: string;
  excluded: string[];
  groupColumn: string | null;
  orderColumn: string | null;
  rowCount: number;
  columns: { name: string; kind: DatasetColumnKind }[];
  createdAt: Date;
}

interface DatasetRow {
  dataset_id: string;
  name: string;
  label: string;
  excluded: string[];
  group_column: string | null;
  order_column: string | null;
  row_count: number;
  columns: { name: string; kind: DatasetColumnKind }[];
  created_at: Date;
}

const toRecord = (row: DatasetRow): DatasetRecord => ({
  datasetId: row.dataset_id,
  name: row.name,
  label: row.label,
  excluded: row.excluded,
  groupColumn: row.group_column,
  orderColumn: row.order_column,
  rowCount: row.row_count,
  columns: row.columns,
  createdAt: row.created_at,
});

/** Uploaded datasets, stored column by column. */
@Injectable()
export class DatasetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the dataset and all its columns in one transaction: a dataset is there whole or not at all. */
  async create(dataset: Omit<DatasetRecord, 'createdAt' | 'columns'>, columns: DatasetColumn[]): Promise<DatasetRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<DatasetRow[]>(
        `INSERT INTO "ml"."datasets" ("dataset_id", "name", "label", "excluded", "group_column", "order_column", "row_count", "columns")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          dataset.datasetId,
          dataset.name,
          dataset.label,
          JSON.stringify(dataset.excluded),
          dataset.groupColumn,
          dataset.orderColumn,
          dataset.rowCount,
          JSON.stringify(columns.map(({ name, kind }) => ({ name, kind }))),
        ],
      );
      for (const [position, column] of columns.entries()) {
        await manager.query(`INSERT INTO "ml"."dataset_columns" ("dataset_id", "position", "name", "kind", "data") VALUES ($1, $2, $3, $4, $5)`, [
          dataset.datasetId,
          position,
          column.name,
          column.kind,
          encodeColumn(column),
        ]);
      }
      return toRecord(row);
    });
  }

  async find(datasetId: string): Promise<DatasetRecord | null> {
    const rows = await this.dataSource.query<DatasetRow[]>(`SELECT * FROM "ml"."datasets" WHERE "dataset_id" = $1`, [datasetId]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async list(limit: number): Promise<DatasetRecord[]> {
    const rows = await this.dataSource.query<DatasetRow[]>(`SELECT * FROM "ml"."datasets" ORDER BY "created_at" DESC LIMIT $1`, [limit]);
    return rows.map(toRecord);
  }

  /**
   * Deletes a dataset and its columns, unless a training on it is queued or running (it still has to read them):
   * `deleted`, `missing`, or `in_use`. Trainings done on it keep their record without it; models keep its id.
   */
  async delete(datasetId: string): Promise<'deleted' | 'missing' | 'in_use'> {
    // A DELETE answers [rows, count] through TypeORM's postgres driver.
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM "ml"."datasets" "d" WHERE "d"."dataset_id" = $1
         AND NOT EXISTS (SELECT 1 FROM "ml"."training_runs" "t" WHERE "t"."dataset_id" = "d"."dataset_id" AND "t"."state" IN ('queued', 'running'))
       RETURNING "dataset_id"`,
      [datasetId],
    );
    if (count > 0) return 'deleted';
    return (await this.find(datasetId)) ? 'in_use' : 'missing';
  }

  /** The dataset's columns, in upload order. */
  async columns(datasetId: string): Promise<DatasetColumn[]> {
    const rows = await this.dataSource.query<{ name: string; kind: DatasetColumnKind; data: Buffer }[]>(
      `SELECT "name", "kind", "data" FROM "ml"."dataset_columns" WHERE "dataset_id" = $1 ORDER BY "position"`,
      [datasetId],
    );
    return rows.map((row) => decodeColumn(row.name, row.kind, row.data));
  }
}

function encodeColumn(column: DatasetColumn): Buffer {
  if (column.kind === 'text') return Buffer.from(JSON.stringify(column.values), 'utf8');
  return Buffer.from(column.values.buffer, column.values.byteOffset, column.values.byteLength);
}

function decodeColumn(name: string, kind: DatasetColumnKind, data: Buffer): DatasetColumn {
  if (kind === 'text') return { name, kind, values: JSON.parse(data.toString('utf8')) as (string | null)[] };
  // A copy: the driver's buffer need not be 8-byte aligned.
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(data);
  return { name, kind, values: new Float64Array(bytes.buffer) };
}

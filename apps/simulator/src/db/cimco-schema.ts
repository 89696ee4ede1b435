import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';

/** The source tables, in the order they are created (and dropped in reverse). */
export const CIMCO_TABLES = ['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings'] as const;
export type CimcoTable = (typeof CIMCO_TABLES)[number];

/** The DDL of the source layout, shipped beside the compiled code (the build copies cimco-source.sql). */
export function loadCimcoDdl(file = join(__dirname, '..', 'cimco-source.sql')): string {
  return readFileSync(file, 'utf8');
}

/** The statements of a DDL script: comments removed, split at semicolons, whitespace normalised. */
export function ddlStatements(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(';')
    .map((statement) => statement.replace(/\s+/g, ' ').trim())
    .filter((statement) => statement.length > 0);
}

/** Creates the tables that are missing; with `reset`, drops the five source tables first. */
export async function prepareSchema(connection: Connection, reset: boolean): Promise<void> {
  if (reset) {
    for (const table of [...CIMCO_TABLES].reverse()) await connection.query(`DROP TABLE IF EXISTS \`${table}\``);
  }
  for (const statement of ddlStatements(loadCimcoDdl())) await connection.query(statement);
}

/** Rows already in the source tables (a new history must not be written on top of an old one). */
export async function existingRows(connection: Connection): Promise<number> {
  let total = 0;
  for (const table of ['machines', 'jobs'] as const) {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
    total += Number((rows as { n: number | string }[])[0]?.n ?? 0);
  }
  return total;
}

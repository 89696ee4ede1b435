import mysql, { type Connection } from 'mysql2/promise';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_INFRA, workspaceRoot } from './test-env';
import { uniqueName } from './unique-name';

export interface TestSourceDatabase {
  name: string;
  /** mysql://…/<name>, for CIMCO_DATABASE_URL. */
  url: string;
  /** The same database through another host:port (a proxy in front of the server). */
  urlVia(host: string, port: number): string;
  connection: Connection;
  drop(): Promise<void>;
}

/** The default CIMCO layout (shared/cimco-source.sql beside the project), split into statements. */
export function cimcoSourceDdl(): string[] {
  const file = join(workspaceRoot(), '..', 'shared', 'cimco-source.sql');
  if (!existsSync(file)) throw new Error(`${file} is missing: the tests read the default source layout from the shared folder beside the project`);
  return readFileSync(file, 'utf8')
    .replace(/--[^\n]*\n/g, '\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A fresh MySQL/MariaDB database in the default CIMCO layout, on the machine's real server. */
export async function createSourceDatabase(prefix = 'cimco_test'): Promise<TestSourceDatabase> {
  const server = new URL(TEST_INFRA.mysqlUrl);
  const name = uniqueName(prefix);
  const admin = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.changeUser({ database: name });
  for (const statement of cimcoSourceDdl()) await admin.query(statement);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    urlVia: (host, port) => {
      const via = new URL(url.toString());
      via.hostname = host;
      via.port = String(port);
      return via.toString();
    },
    connection: admin,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

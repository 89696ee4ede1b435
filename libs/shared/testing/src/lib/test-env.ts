import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the real services of this machine are; each can be pointed elsewhere with the variable a service reads. */
export const TEST_INFRA = {
  natsUrl: process.env['NATS_URL'] || 'nats://127.0.0.1:4222',
  redisUrl: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
  postgresAdminUrl: process.env['DATABASE_ADMIN_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres',
  mysqlUrl: process.env['CIMCO_TEST_DATABASE_URL'] || 'mysql://root@127.0.0.1:3306/test',
};

/** The workspace root (the folder holding nx.json), found from this file. */
export function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

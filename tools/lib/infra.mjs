// Checks that the infrastructure the platform needs answers, each within a few seconds, and says how to start
// whatever does not.
import pg from 'pg';
import Redis from 'ioredis';
import { connect } from 'nats';
import mysql from 'mysql2/promise';

const TIMEOUT_MS = 3000;

export function infraSettings(env = process.env) {
  return {
    postgres: env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redis: env.REDIS_URL || 'redis://127.0.0.1:6379',
    nats: env.NATS_URL || 'nats://127.0.0.1:4222',
    mysql: env.CIMCO_ADMIN_DATABASE_URL || 'mysql://root@127.0.0.1:3306',
  };
}

const redact = (url) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
};

const withTimeout = (promise, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer from ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))]);

const CHECKS = {
  postgres: {
    label: 'PostgreSQL',
    hint: 'start it (Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start; Docker: docker compose up -d postgres) or set DATABASE_ADMIN_URL',
    async check(url) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  },
  redis: {
    label: 'Redis',
    hint: 'start it (redis-server --daemonize yes; Docker: docker compose up -d redis) or set REDIS_URL',
    async check(url) {
      const redis = new Redis(url, {
        lazyConnect: true,
        connectTimeout: TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        enableOfflineQueue: false,
      });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    },
  },
  nats: {
    label: 'NATS with JetStream',
    hint: 'start it with JetStream (nats-server -js -sd /var/lib/nats-server; Docker: docker compose up -d nats) or set NATS_URL',
    async check(url) {
      const nc = await connect({ servers: url.split(','), timeout: TIMEOUT_MS, maxReconnectAttempts: 0 });
      try {
        const jsm = await nc.jetstreamManager({ timeout: TIMEOUT_MS }).catch(() => {
          throw new Error('JetStream is not enabled on this server (start nats-server with -js)');
        });
        await jsm.getAccountInfo();
      } finally {
        await nc.close();
      }
    },
  },
  mysql: {
    label: 'MySQL/MariaDB (CIMCO source)',
    hint: 'start it (MariaDB: mariadbd --user=mysql &; Docker: docker compose up -d mysql) or set CIMCO_ADMIN_DATABASE_URL',
    async check(url) {
      const conn = await mysql.createConnection({ uri: url, connectTimeout: TIMEOUT_MS });
      try {
        await conn.query('SELECT 1');
      } finally {
        await conn.end().catch(() => undefined);
      }
    },
  },
};

/** Resolves to a list of problems (empty when everything answers). */
export async function checkInfrastructure(names = Object.keys(CHECKS), env = process.env) {
  const settings = infraSettings(env);
  const results = await Promise.all(
    names.map(async (name) => {
      const { label, hint, check } = CHECKS[name];
      const url = settings[name];
      try {
        await withTimeout(check(url), label);
        return null;
      } catch (error) {
        return `${label} is not reachable at ${redact(url)}: ${error.message}. To fix: ${hint}.`;
      }
    }),
  );
  return results.filter(Boolean);
}

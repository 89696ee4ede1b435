#!/usr/bin/env node
// Creates the platform's database, one login role per service and one schema per service owned by that role.
// A role can use only its own schema: the database is closed to PUBLIC and the public schema takes no objects.
// Idempotent and safe to run concurrently (an advisory lock serialises runs). Needs an admin connection:
// DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres). Passwords, when the server checks them,
// come from <SERVICE>_DATABASE_PASSWORD (e.g. GATEWAY_DATABASE_PASSWORD).
const { Client } = require('pg');

const SERVICES = ['gateway', 'ingestion', 'analytics', 'ml', 'notification'];
const LOCK_KEY = 7_412_019;

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};
const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

function roleName(service) {
  return `shopfloor_${service}`;
}

async function withClient(url, fn) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function provision({ adminUrl, database, services = SERVICES, passwords = {} }) {
  const target = new URL(adminUrl);
  target.pathname = `/${database}`;
  await withClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${ident(database)}`);
      for (const service of services) {
        const role = roleName(service);
        const password = passwords[service];
        const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        const auth = password ? ` PASSWORD ${literal(password)}` : '';
        if (found.rowCount === 0) {
          await admin.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT${auth}`);
        } else if (password) {
          await admin.query(`ALTER ROLE ${ident(role)}${auth}`);
        }
      }
      await withClient(target.toString(), async (db) => {
        await db.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
        await db.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
        for (const service of services) {
          const role = roleName(service);
          await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(role)}`);
          await db.query(`CREATE SCHEMA IF NOT EXISTS ${ident(service)} AUTHORIZATION ${ident(role)}`);
          await db.query(`ALTER SCHEMA ${ident(service)} OWNER TO ${ident(role)}`);
          await db.query(`REVOKE ALL ON SCHEMA ${ident(service)} FROM PUBLIC`);
          await db.query(`ALTER ROLE ${ident(role)} IN DATABASE ${ident(database)} SET search_path = ${ident(service)}`);
        }
      });
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
  return services.map((service) => ({ service, role: roleName(service), schema: service }));
}

/** The URL a service uses: the admin URL's host and port, the service's role, the platform database. */
function serviceUrl(adminUrl, database, service, password) {
  const url = new URL(adminUrl);
  url.username = roleName(service);
  url.password = password ?? '';
  url.pathname = `/${database}`;
  return url.toString();
}

module.exports = { provision, serviceUrl, roleName, SERVICES };

if (require.main === module) {
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = process.env.DATABASE_NAME || 'shopfloor';
  const passwords = Object.fromEntries(SERVICES.map((s) => [s, process.env[`${s.toUpperCase()}_DATABASE_PASSWORD`]]).filter(([, v]) => v));
  provision({ adminUrl, database, passwords })
    .then((done) => {
      for (const d of done) console.log(`schema ${d.schema} owned by role ${d.role} in database ${database}`);
    })
    .catch((error) => {
      console.error(`Provisioning failed: ${error.message}`);
      process.exit(1);
    });
}

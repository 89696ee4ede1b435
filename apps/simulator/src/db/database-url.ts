export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Parses `mysql://user:password@host:port/database`; the database is created if missing, so it must be named. */
export function parseDatabaseUrl(url: string): MysqlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`database URL ${redactUrl(url)} is not a URL (expected mysql://user:password@host:3306/database)`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new RangeError(`database URL ${redactUrl(url)}: expected the mysql:// scheme`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  // Letters, digits, _ and $ only: the name is quoted into CREATE DATABASE.
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    throw new RangeError(`database URL ${redactUrl(url)}: name the database in the path with letters, digits and _ (e.g. /cimco_demo)`);
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

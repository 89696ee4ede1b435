import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { BaseServiceEnv, DatabaseEnv, LOG_LEVELS, RedisServiceEnv } from './base-env';

class ServiceEnv extends BaseServiceEnv {
  override PORT = 1234;
}

/** Names of the properties that fail validation after the given assignments. */
function invalidProperties<T extends object>(cls: new () => T, values: Partial<T>): string[] {
  const instance = Object.assign(new cls(), values);
  return validateSync(instance)
    .map((e) => e.property)
    .sort();
}

describe(BaseServiceEnv.name, () => {
  it('has defaults for everything but PORT', () => {
    const env = new BaseServiceEnv();

    expect(env.NODE_ENV).toBe('production');
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(env.RPC_TIMEOUT_MS).toBe(4000);
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(15000);
    expect(invalidProperties(BaseServiceEnv, {})).toEqual(['PORT']);
  });

  it('is valid with its defaults once a port is set', () => {
    expect(invalidProperties(ServiceEnv, {})).toEqual([]);
  });

  it.each(LOG_LEVELS)('accepts the log level %s', (level) => {
    expect(invalidProperties(ServiceEnv, { LOG_LEVEL: level })).toEqual([]);
  });

  it.each(['nats://nats:4222', 'tls://nats.example.com:4222', 'nats://a:4222,nats://b:4222,tls://c:4222'])('accepts the NATS URL %s', (url) => {
    expect(invalidProperties(ServiceEnv, { NATS_URL: url })).toEqual([]);
  });

  it.each(['http://nats:4222', 'nats://', 'nats://a:4222, nats://b:4222', 'nats://a:4222,'])('rejects the NATS URL %p', (url) => {
    expect(invalidProperties(ServiceEnv, { NATS_URL: url })).toEqual(['NATS_URL']);
  });

  it.each([
    [{ PORT: 0 }, 'PORT'],
    [{ PORT: 65536 }, 'PORT'],
    [{ RPC_TIMEOUT_MS: 99 }, 'RPC_TIMEOUT_MS'],
    [{ RPC_TIMEOUT_MS: 60001 }, 'RPC_TIMEOUT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: 999 }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: 120001 }, 'SHUTDOWN_TIMEOUT_MS'],
  ] as const)('rejects %p as out of range', (values, property) => {
    expect(invalidProperties(ServiceEnv, values)).toEqual([property]);
  });

  it.each([{ PORT: 1 }, { PORT: 65535 }, { RPC_TIMEOUT_MS: 100 }, { RPC_TIMEOUT_MS: 60000 }, { SHUTDOWN_TIMEOUT_MS: 1000 }, { SHUTDOWN_TIMEOUT_MS: 120000 }])(
    'accepts the boundary value %p',
    (values) => {
      expect(invalidProperties(ServiceEnv, values)).toEqual([]);
    },
  );
});

describe(DatabaseEnv.name, () => {
  class DbServiceEnv extends DatabaseEnv {
    override PORT = 1234;
  }

  it('requires a DATABASE_URL', () => {
    expect(invalidProperties(DbServiceEnv, {})).toEqual(['DATABASE_URL']);
  });

  it.each(['postgres://svc:pw@db:5432/shopfloor', 'postgresql://svc@db/shopfloor'])('accepts the database URL %s', (url) => {
    expect(invalidProperties(DbServiceEnv, { DATABASE_URL: url })).toEqual([]);
  });

  it.each(['mysql://svc:pw@db/shopfloor', 'postgres://', 'db:5432'])('rejects the database URL %p', (url) => {
    expect(invalidProperties(DbServiceEnv, { DATABASE_URL: url })).toEqual(['DATABASE_URL']);
  });

  it('accepts only the known TLS modes', () => {
    const url = { DATABASE_URL: 'postgres://svc@db/shopfloor' };

    expect(invalidProperties(DbServiceEnv, { ...url, DATABASE_SSL: 'verify-full' })).toEqual([]);
    expect(invalidProperties(DbServiceEnv, { ...url, DATABASE_SSL: 'prefer' as never })).toEqual(['DATABASE_SSL']);
  });

  it('limits the pool size to 1..200', () => {
    const url = { DATABASE_URL: 'postgres://svc@db/shopfloor' };

    expect(invalidProperties(DbServiceEnv, { ...url, DATABASE_POOL_SIZE: 0 })).toEqual(['DATABASE_POOL_SIZE']);
    expect(invalidProperties(DbServiceEnv, { ...url, DATABASE_POOL_SIZE: 201 })).toEqual(['DATABASE_POOL_SIZE']);
    expect(invalidProperties(DbServiceEnv, { ...url, DATABASE_POOL_SIZE: 200 })).toEqual([]);
  });
});

describe(RedisServiceEnv.name, () => {
  class CacheServiceEnv extends RedisServiceEnv {
    override PORT = 1234;
    override DATABASE_URL = 'postgres://svc@db/shopfloor';
  }

  it('defaults to a local Redis', () => {
    expect(new CacheServiceEnv().REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(invalidProperties(CacheServiceEnv, {})).toEqual([]);
  });

  it('accepts a TLS Redis URL and rejects other schemes', () => {
    expect(invalidProperties(CacheServiceEnv, { REDIS_URL: 'rediss://cache:6380' })).toEqual([]);
    expect(invalidProperties(CacheServiceEnv, { REDIS_URL: 'http://cache:6379' })).toEqual(['REDIS_URL']);
  });
});

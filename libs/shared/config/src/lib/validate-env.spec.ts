import 'reflect-metadata';
import { BaseServiceEnv, DatabaseEnv } from './base-env';
import { ConfigValidationError, validateEnv } from './validate-env';

class ServiceEnv extends BaseServiceEnv {
  override PORT = 1234;
}

class DbServiceEnv extends DatabaseEnv {
  override PORT = 1234;
}

const DATABASE_URL = 'postgres://analytics:analytics-pw@127.0.0.1:5432/shopfloor';

/** Runs the validation and returns the ConfigValidationError it throws (fails the test when nothing is thrown). */
function rejectionOf<T extends object>(cls: new () => T, env: Record<string, string | undefined>): ConfigValidationError {
  try {
    validateEnv(cls, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return error as ConfigValidationError;
  }
  throw new Error('expected the environment to be rejected');
}

describe('validateEnv', () => {
  it('returns an instance of the env class with every default applied', () => {
    const env = validateEnv(ServiceEnv, {});

    expect(env).toBeInstanceOf(ServiceEnv);
    expect({ ...env }).toEqual({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: 1234,
      HOST: '127.0.0.1',
      NATS_URL: 'nats://127.0.0.1:4222',
      RPC_TIMEOUT_MS: 4000,
      SHUTDOWN_TIMEOUT_MS: 15000,
    });
  });

  it('applies the database defaults', () => {
    const env = validateEnv(DbServiceEnv, { DATABASE_URL });

    expect(env.DATABASE_URL).toBe(DATABASE_URL);
    expect(env.DATABASE_SSL).toBe('disable');
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.DATABASE_MIGRATIONS_RUN).toBe('true');
  });

  it('converts numeric strings to numbers', () => {
    const env = validateEnv(DbServiceEnv, { DATABASE_URL, PORT: '8080', RPC_TIMEOUT_MS: '2500', SHUTDOWN_TIMEOUT_MS: '30000', DATABASE_POOL_SIZE: '25' });

    expect(env.PORT).toBe(8080);
    expect(env.RPC_TIMEOUT_MS).toBe(2500);
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(30000);
    expect(env.DATABASE_POOL_SIZE).toBe(25);
  });

  it('keeps given string values as they are', () => {
    const env = validateEnv(ServiceEnv, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      NATS_URL: 'nats://nats-1:4222,nats://nats-2:4222',
      NATS_USER: 'svc',
      NATS_PASSWORD: '12345',
    });

    expect(env.NODE_ENV).toBe('test');
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.NATS_URL).toBe('nats://nats-1:4222,nats://nats-2:4222');
    expect(env.NATS_USER).toBe('svc');
    expect(env.NATS_PASSWORD).toBe('12345');
  });

  it('treats an empty string as unset and falls back to the default', () => {
    const env = validateEnv(ServiceEnv, { NATS_URL: '', RPC_TIMEOUT_MS: '', LOG_LEVEL: '', PORT: '' });

    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(env.RPC_TIMEOUT_MS).toBe(4000);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.PORT).toBe(1234);
  });

  it('ignores variables the env class does not declare', () => {
    const env = validateEnv(ServiceEnv, { HOME: '/root', PATH: '/usr/bin' });

    expect(env.PORT).toBe(1234);
  });

  it('rejects a missing required variable and names it', () => {
    const error = rejectionOf(DbServiceEnv, {});

    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', problem: 'is required but not set' }]);
    expect(error.message).toContain('DATABASE_URL: is required but not set');
  });

  it('treats an empty required variable as missing', () => {
    const error = rejectionOf(DbServiceEnv, { DATABASE_URL: '' });

    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', problem: 'is required but not set' }]);
  });

  it('rejects a missing PORT when the class has no default', () => {
    const error = rejectionOf(BaseServiceEnv, {});

    expect(error.problems.map((p) => p.variable)).toEqual(['PORT']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['NATS_URL', 'http://x'],
    ['NATS_URL', 'nats://a:4222,'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['RPC_TIMEOUT_MS', '50'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5'],
  ])('rejects %s=%s and names only that variable', (variable, value) => {
    const error = rejectionOf(ServiceEnv, { [variable]: value });

    expect(error.problems.map((p) => p.variable)).toEqual([variable]);
    expect(error.message).toContain(`  - ${variable}: `);
    expect(error.problems[0]?.problem).not.toBe('is required but not set');
  });

  it('names every offending variable at once', () => {
    const error = rejectionOf(DbServiceEnv, { PORT: 'abc', LOG_LEVEL: 'loud', NATS_URL: 'http://x' });

    expect(error.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NATS_URL', 'PORT']);
    for (const variable of ['DATABASE_URL', 'LOG_LEVEL', 'NATS_URL', 'PORT']) {
      expect(error.message).toContain(variable);
    }
  });

  it('never puts the offending value itself in the message', () => {
    const secretUrl = 'mysql://user:s3cret@h/db';
    const error = rejectionOf(DbServiceEnv, { DATABASE_URL: secretUrl });

    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain(secretUrl);
    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', problem: `must be a postgres:// URL (got a value of ${secretUrl.length} characters)` }]);
  });

  it('does not echo an invalid log level or NATS URL', () => {
    const error = rejectionOf(ServiceEnv, { LOG_LEVEL: 'loud', NATS_URL: 'http://nats-secret-host' });

    expect(error.message).not.toContain('loud');
    expect(error.message).not.toContain('nats-secret-host');
  });
});

describe(ConfigValidationError.name, () => {
  it('is an Error listing each problem on its own line and pointing to the example file', () => {
    const error = new ConfigValidationError([
      { variable: 'PORT', problem: 'is required but not set' },
      { variable: 'NATS_URL', problem: 'must be nats://host:port' },
    ]);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigValidationError');
    expect(error.message).toBe(
      'Invalid configuration:\n  - PORT: is required but not set\n  - NATS_URL: must be nats://host:port\nSee .env.example for every variable and its meaning.',
    );
  });
});

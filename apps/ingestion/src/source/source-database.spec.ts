import { ErrorCode } from '@shopfloor/contracts';
import { createServer, type Server } from 'node:net';
import { domainErrorOf, ingestionEnv } from '../fakes.spec-helper';
import { SourceDatabase } from './source-database';

/** A port on this host that refuses connections: a source that is down. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(SourceDatabase.name, () => {
  let source: SourceDatabase;

  afterEach(async () => {
    await source.onApplicationShutdown();
  });

  it('opens its circuit after the threshold of failed queries in a row, then fails fast without trying the source', async () => {
    source = new SourceDatabase(
      ingestionEnv({
        CIMCO_DATABASE_URL: `mysql://reader:secret@127.0.0.1:${await closedPort()}/cimco`,
        SOURCE_RETRY_ATTEMPTS: '1',
        SOURCE_CIRCUIT_THRESHOLD: '2',
        SOURCE_CIRCUIT_OPEN_SECONDS: '60',
      }),
    );
    expect([source.configured, source.circuit, source.isReachable]).toEqual([true, 'closed', false]);

    const first = await domainErrorOf(source.query('SELECT 1'));
    expect([first.code, first.details]).toEqual([ErrorCode.SourceUnavailable, { circuit: 'closed' }]);
    expect(first.message).toMatch(/^The CIMCO source query failed: .*ECONNREFUSED/);
    const second = await domainErrorOf(source.query('SELECT 1'));
    expect(second.details).toEqual({ circuit: 'open' });
    expect([source.circuit, source.isReachable]).toEqual(['open', false]);

    const started = Date.now();
    const fast = await domainErrorOf(source.query('SELECT 1'));
    expect([fast.code, fast.message, fast.details]).toEqual([
      ErrorCode.SourceUnavailable,
      'The CIMCO source is failing; its circuit breaker is open',
      { circuit: 'open' },
    ]);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('is not configured without a source, and says so on a query', async () => {
    source = new SourceDatabase(ingestionEnv());

    expect(source.configured).toBe(false);
    const error = await domainErrorOf(source.query('SELECT 1'));
    expect([error.code, error.message]).toEqual([ErrorCode.SourceUnavailable, 'No CIMCO source is configured (set CIMCO_DATABASE_URL)']);
  });
});

import type { DestinationStream } from 'pino';
import { createRootLogger, PinoNestLogger } from './logger';
import { requestContext } from './request-context';

type Line = Record<string, unknown>;

/** A destination that keeps every written JSON line, parsed. */
function collector(): DestinationStream & { lines: Line[] } {
  const lines: Line[] = [];
  return {
    lines,
    write(chunk: string) {
      for (const text of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
    },
  };
}

const STACK = 'Error: connection refused\n    at Socket.connect (net.js:1:1)\n    at main (main.ts:2:2)';

describe('createRootLogger', () => {
  it('writes one JSON line with service, level label, message and ISO time', () => {
    const out = collector();

    createRootLogger('gateway', 'info', out).info('Listening on 3000');

    expect(out.lines).toHaveLength(1);
    const [line] = out.lines;
    expect(Object.keys(line ?? {}).sort()).toEqual(['level', 'message', 'service', 'time']);
    expect(line).toMatchObject({ service: 'gateway', level: 'info', message: 'Listening on 3000' });
    expect(new Date(line?.['time'] as string).toISOString()).toBe(line?.['time']);
  });

  it('writes the level as its label', () => {
    const out = collector();
    const logger = createRootLogger('analytics', 'trace', out);

    logger.trace('t');
    logger.debug('d');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');

    expect(out.lines.map((l) => l['level'])).toEqual(['trace', 'debug', 'warn', 'error', 'fatal']);
  });

  it('drops lines below the configured level', () => {
    const out = collector();
    const logger = createRootLogger('analytics', 'warn', out);

    logger.info('ignored');
    logger.debug('ignored too');
    logger.warn('kept');

    expect(out.lines.map((l) => l['message'])).toEqual(['kept']);
  });

  it('adds the request id only inside a request context', async () => {
    const out = collector();
    const logger = createRootLogger('ingestion', 'info', out);

    logger.info('before');
    await requestContext.run({ requestId: 'r-42' }, async () => {
      logger.info('sync');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('after an await');
    });
    logger.info('after');

    expect(out.lines.map((l) => [l['message'], l['request_id']])).toEqual([
      ['before', undefined],
      ['sync', 'r-42'],
      ['after an await', 'r-42'],
      ['after', undefined],
    ]);
    expect(Object.keys(out.lines[0] ?? {})).not.toContain('request_id');
  });

  it('keeps structured fields next to the message', () => {
    const out = collector();

    createRootLogger('ml', 'info', out).info({ machine_id: 'M-7', rows: 12 }, 'Synced');

    expect(out.lines[0]).toMatchObject({ machine_id: 'M-7', rows: 12, message: 'Synced' });
  });

  it('redacts passwords, tokens, authorization headers, API keys and key hashes in nested objects', () => {
    const out = collector();

    createRootLogger('gateway', 'info', out).info(
      {
        user: { name: 'alice', password: 'hunter2' },
        headers: { authorization: 'Bearer abc.def.ghi', 'x-api-key': 'sfk_secret', accept: 'application/json' },
        key: { id: 'k-1', key_hash: 'a'.repeat(64) },
        session: { token: 'tok-123' },
      },
      'Login',
    );

    const line = out.lines[0];
    expect(line?.['user']).toEqual({ name: 'alice', password: '[redacted]' });
    expect(line?.['headers']).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', accept: 'application/json' });
    expect(line?.['key']).toEqual({ id: 'k-1', key_hash: '[redacted]' });
    expect(line?.['session']).toEqual({ token: '[redacted]' });
    expect(JSON.stringify(out.lines)).not.toMatch(/hunter2|abc\.def\.ghi|sfk_secret|tok-123/);
  });
});

describe(PinoNestLogger.name, () => {
  function setUp(level = 'trace') {
    const out = collector();
    return { out, logger: new PinoNestLogger(createRootLogger('gateway', level, out)) };
  }

  it('maps log(message, context) to an info line with the context', () => {
    const { out, logger } = setUp();

    logger.log('Nest application successfully started', 'NestApplication');

    expect(out.lines[0]).toMatchObject({ level: 'info', message: 'Nest application successfully started', context: 'NestApplication' });
  });

  it('leaves the context out when none is given', () => {
    const { out, logger } = setUp();

    logger.warn('Slow query');

    expect(out.lines[0]).toMatchObject({ level: 'warn', message: 'Slow query' });
    expect(Object.keys(out.lines[0] ?? {})).not.toContain('context');
  });

  it('maps error(message, stack, context) to an error line with stack and context', () => {
    const { out, logger } = setUp();

    logger.error('Database unreachable', STACK, 'TypeOrmModule');

    expect(out.lines[0]).toMatchObject({ level: 'error', message: 'Database unreachable', stack: STACK, context: 'TypeOrmModule' });
  });

  it('maps error(message, undefined, context) as Nest sends it without a stack', () => {
    const { out, logger } = setUp();

    logger.error('Refused', undefined, 'AuthGuard');

    expect(out.lines[0]).toMatchObject({ level: 'error', message: 'Refused', context: 'AuthGuard' });
    expect(Object.keys(out.lines[0] ?? {})).not.toContain('stack');
  });

  it('does not treat a stack-like string as a stack on levels other than error', () => {
    const { out, logger } = setUp();

    logger.warn('Retrying', STACK, 'Redis');

    expect(out.lines[0]).toMatchObject({ level: 'warn', message: 'Retrying', context: 'Redis' });
    expect(Object.keys(out.lines[0] ?? {})).not.toContain('stack');
  });

  it('serialises an Error message with its type, message and stack', () => {
    const { out, logger } = setUp();

    logger.error(new Error('boom'), 'Worker');

    const line = out.lines[0];
    expect(line).toMatchObject({ level: 'error', message: 'boom', context: 'Worker', err: { type: 'Error', message: 'boom' } });
    expect((line?.['err'] as { stack: string }).stack).toContain('Error: boom');
  });

  it('spreads a structured message into fields and uses its message property as the text', () => {
    const { out, logger } = setUp();

    logger.warn({ message: 'Redis error', reason: 'ECONNREFUSED', attempt: 3 }, 'RedisClient');

    expect(out.lines[0]).toMatchObject({ level: 'warn', message: 'Redis error', reason: 'ECONNREFUSED', attempt: 3, context: 'RedisClient' });
  });

  it('redacts secrets nested in a structured message', () => {
    const { out, logger } = setUp();

    logger.log({ message: 'Connecting', options: { user: 'svc', password: 'pw-123' } });

    expect(out.lines[0]?.['options']).toEqual({ user: 'svc', password: '[redacted]' });
  });

  it('writes a non-string message as text', () => {
    const { out, logger } = setUp();

    logger.log(42);

    expect(out.lines[0]).toMatchObject({ level: 'info', message: '42' });
  });

  it('maps each Nest level to the pino level of the same meaning', () => {
    const { out, logger } = setUp();

    logger.log('a');
    logger.error('b');
    logger.warn('c');
    logger.debug('d');
    logger.verbose('e');
    logger.fatal('f');

    expect(out.lines.map((l) => [l['message'], l['level']])).toEqual([
      ['a', 'info'],
      ['b', 'error'],
      ['c', 'warn'],
      ['d', 'debug'],
      ['e', 'trace'],
      ['f', 'fatal'],
    ]);
  });

  it('follows the root logger level', () => {
    const { out, logger } = setUp('info');

    logger.debug('hidden');
    logger.verbose('hidden too');
    logger.log('shown');

    expect(out.lines.map((l) => l['message'])).toEqual(['shown']);
  });

  it('includes the request id of the current request', () => {
    const { out, logger } = setUp();

    requestContext.run({ requestId: 'r-nest' }, () => logger.log('Handled', 'MachinesController'));

    expect(out.lines[0]).toMatchObject({ request_id: 'r-nest', context: 'MachinesController' });
  });
});

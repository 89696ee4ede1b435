import fc from 'fast-check';
import { isDependencyOutage } from './dependency-errors';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isDependencyOutage', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['pg: the server went away mid-query', new Error('Connection terminated unexpectedly')],
    ['pg: a pooled client that broke', new Error('Client has encountered a connection error and is not queryable')],
    ['pg: no connection within the pool timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: the server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['pg: the server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['pg: too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['pg: a connection exception (08006)', withCode('connection failure', '08006')],
    [
      'TypeORM wrapping a driver error',
      Object.assign(new Error('Query failed'), { name: 'QueryFailedError', driverError: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }),
    ],
    ['an error caused by an outage', new Error('could not load', { cause: new Error('Connection terminated due to connection timeout') })],
    ['mysql2: the connection lost', withCode('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST')],
    ['ioredis: a closed connection', new Error('Connection is closed.')],
    [
      'ioredis: retries per request exhausted',
      Object.assign(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
    ['nats: the connection closed', withCode('CONNECTION_CLOSED', 'CONNECTION_CLOSED')],
  ])('%s is an outage', (_, error) => expect(isDependencyOutage(error)).toBe(true));

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['pg: a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['pg: a syntax error (42601)', withCode('syntax error at or near "FROM"', '42601')],
    ['mysql2: an unknown column', withCode("Unknown column 'x' in 'field list'", 'ER_BAD_FIELD_ERROR')],
    ['a plain string', 'ECONNREFUSED'],
    ['nothing', undefined],
    ['null', null],
  ])('%s is not', (_, error) => expect(isDependencyOutage(error)).toBe(false));

  it('never throws, whatever it is given, and stops at cyclic causes', () => {
    const cyclic: { cause?: unknown; message: string } = { message: 'x' };
    cyclic.cause = cyclic;
    expect(isDependencyOutage(cyclic)).toBe(false);
    fc.assert(fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (value) => typeof isDependencyOutage(value) === 'boolean'));
  });
});

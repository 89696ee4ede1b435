import { acceptOrCreateRequestId, requestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('requestContext', () => {
  it('has no context outside a run', () => {
    expect(requestContext.current()).toBeUndefined();
    expect(requestContext.requestId()).toBeUndefined();
  });

  it('exposes the context inside a run and returns the function result', () => {
    const result = requestContext.run({ requestId: 'r-1' }, () => ({ current: requestContext.current(), id: requestContext.requestId() }));

    expect(result).toEqual({ current: { requestId: 'r-1' }, id: 'r-1' });
    expect(requestContext.requestId()).toBeUndefined();
  });

  it('lets an inner run shadow the outer one and restores the outer one afterwards', () => {
    const seen: (string | undefined)[] = [];

    requestContext.run({ requestId: 'outer' }, () => {
      seen.push(requestContext.requestId());
      requestContext.run({ requestId: 'inner' }, () => seen.push(requestContext.requestId()));
      seen.push(requestContext.requestId());
    });

    expect(seen).toEqual(['outer', 'inner', 'outer']);
  });

  it('carries the request id across awaits and timers', async () => {
    const id = await requestContext.run({ requestId: 'r-async' }, async () => {
      await delay(5);
      await Promise.resolve();
      return new Promise<string | undefined>((resolve) => setImmediate(() => resolve(requestContext.requestId())));
    });

    expect(id).toBe('r-async');
  });

  it('keeps concurrent requests apart', async () => {
    const handle = (requestId: string, wait: number) =>
      requestContext.run({ requestId }, async () => {
        await delay(wait);
        return requestContext.requestId();
      });

    await expect(Promise.all([handle('slow', 20), handle('fast', 1), handle('middle', 10)])).resolves.toEqual(['slow', 'fast', 'middle']);
  });

  it('hands a rejected promise back to the caller', async () => {
    await expect(
      requestContext.run({ requestId: 'r-fail' }, async () => {
        await delay(1);
        throw new Error(`failed in ${requestContext.requestId() ?? 'nothing'}`);
      }),
    ).rejects.toThrow('failed in r-fail');
  });
});

describe('acceptOrCreateRequestId', () => {
  it.each(['abc-123', 'req_1.2:3', '6f1c2a4e-7d1b-4f0e-9a57-0c7b3a9e1d22', 'A', 'x'.repeat(128)])('keeps the sane id %p', (id) => {
    expect(acceptOrCreateRequestId(id)).toBe(id);
  });

  it.each<[string, unknown]>([
    ['an empty id', ''],
    ['an id with a space', 'a b'],
    ['an id of 129 characters', 'x'.repeat(129)],
    ['an id of 200 characters', 'x'.repeat(200)],
    ['markup', '<script>'],
    ['a header injection', 'abc\r\nSet-Cookie: x=1'],
    ['a trailing newline', 'abc\n'],
    ['non-ASCII letters', 'äöü'],
    ['a number', 12345],
    ['an array of ids', ['abc']],
    ['undefined', undefined],
    ['null', null],
  ])('replaces %s with a new UUID', (_label, candidate) => {
    const id = acceptOrCreateRequestId(candidate);

    expect(id).toMatch(UUID);
    expect(id).not.toBe(candidate);
  });

  it('makes a different id each time', () => {
    expect(acceptOrCreateRequestId(undefined)).not.toBe(acceptOrCreateRequestId(undefined));
  });
});

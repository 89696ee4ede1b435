import { DEFAULT_LIVE_SOCKET_OPTIONS } from './live-socket.options';
import { parseSubscribeRequest } from './subscribe-request.parser';

const parse = (message: unknown) => parseSubscribeRequest(typeof message === 'string' ? message : JSON.stringify(message), DEFAULT_LIVE_SOCKET_OPTIONS);

describe(parseSubscribeRequest.name, () => {
  it('keeps the listed machine ids in order without duplicates', () => {
    expect(parse({ subscribe: ['M-002', 'M-001', 'M-002'] })).toEqual({ ok: true, machines: ['M-002', 'M-001'] });
  });

  it('reads an empty list, "*" and a list holding "*" as every machine', () => {
    expect(parse({ subscribe: [] })).toEqual({ ok: true, machines: '*' });
    expect(parse({ subscribe: '*' })).toEqual({ ok: true, machines: '*' });
    expect(parse({ subscribe: ['M-001', '*'] })).toEqual({ ok: true, machines: '*' });
  });

  it('accepts 500 ids of 50 characters and refuses 501 ids or a 51-character id', () => {
    expect(parse({ subscribe: Array.from({ length: 500 }, (_, i) => `M-${i}`.padEnd(50, 'x')) })).toMatchObject({ ok: true });
    expect(parse({ subscribe: Array.from({ length: 501 }, (_, i) => `M-${i}`) })).toEqual({ ok: false, message: expect.stringContaining('at most 500') });
    expect(parse({ subscribe: ['M-1', 'x'.repeat(51)] })).toEqual({ ok: false, message: expect.stringContaining('subscribe[1]') });
  });

  it.each([
    ['text that is not JSON', 'hello'],
    ['a JSON value that is not an object', '[1,2]'],
    ['null', 'null'],
    ['an object without subscribe', { unsubscribe: ['M-1'] }],
    ['a number as subscribe', { subscribe: 5 }],
    ['a non-string id', { subscribe: ['M-1', 7] }],
    ['an empty id', { subscribe: [''] }],
  ])('refuses %s with a message saying what to send', (_what, message) => {
    expect(parse(message)).toEqual({ ok: false, message: expect.stringContaining('subscribe') });
  });
});

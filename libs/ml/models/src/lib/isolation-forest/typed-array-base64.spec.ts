import { TypedArrayBase64 } from './typed-array-base64';

describe('TypedArrayBase64', () => {
  it('round-trips float64 values bit for bit', () => {
    const values = Float64Array.from([0.1, -0, 1e-300, Math.PI, -123456.789, Number.MAX_VALUE]);
    const back = TypedArrayBase64.toFloat64(TypedArrayBase64.fromFloat64(values), 'value');
    expect(Array.from(back)).toEqual(Array.from(values));
    expect(Object.is(back[1], -0)).toBe(true);
  });

  it('round-trips int16 values in little-endian order', () => {
    const values = Int16Array.from([-1, 0, 1, 32767, -32768]);
    const text = TypedArrayBase64.fromInt16(values);
    expect(text.startsWith('//8')).toBe(true);
    expect(Array.from(TypedArrayBase64.toInt16(text, 'feature'))).toEqual(Array.from(values));
  });

  it.each([
    ['characters outside the alphabet', 'AAAA!AAA'],
    ['a length that is not a multiple of 4', 'AAAAA'],
    ['bytes that are not whole values', 'AAAA'],
  ])('rejects %s', (_, text) => {
    expect(() => TypedArrayBase64.toFloat64(text, 'value')).toThrow(RangeError);
  });
});

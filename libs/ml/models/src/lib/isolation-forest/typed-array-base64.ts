/**
 * Typed arrays ⇄ base64 in little-endian byte order whatever the platform, so a model saved on one machine loads on
 * any other; base64 of float64 keeps every bit (the scores round-trip exactly) in about 11 characters a number.
 */
export const TypedArrayBase64 = {
  fromFloat64(values: Float64Array): string {
    const bytes = Buffer.alloc(values.length * 8);
    values.forEach((v, i) => bytes.writeDoubleLE(v, i * 8));
    return bytes.toString('base64');
  },

  fromInt16(values: Int16Array): string {
    const bytes = Buffer.alloc(values.length * 2);
    values.forEach((v, i) => bytes.writeInt16LE(v, i * 2));
    return bytes.toString('base64');
  },

  /** @throws RangeError when the text is not base64 of whole float64 values. */
  toFloat64(text: string, what: string): Float64Array {
    const bytes = decode(text, what, 8);
    return Float64Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readDoubleLE(i * 8));
  },

  /** @throws RangeError when the text is not base64 of whole int16 values. */
  toInt16(text: string, what: string): Int16Array {
    const bytes = decode(text, what, 2);
    return Int16Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readInt16LE(i * 2));
  },
};

function decode(text: string, what: string, width: number): Buffer {
  // Buffer.from skips characters outside the alphabet silently; a strict check catches a truncated or mangled model.
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new RangeError(`${what} must be base64`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw new RangeError(`${what} must hold whole ${width}-byte values`);
  return bytes;
}

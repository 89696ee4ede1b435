import fc from 'fast-check';
import { DomainError, ErrorCode } from '../error-codes';
import { sourceIdKeys } from './shopfloor-messages';

describe('sourceIdKeys', () => {
  it('passes decimal source ids through unchanged', () => {
    expect(sourceIdKeys(['1', '42', String(Number.MAX_SAFE_INTEGER)])).toEqual(['1', '42', String(Number.MAX_SAFE_INTEGER)]);
  });

  it('refuses every key that is not a positive safe integer written plainly, naming each', () => {
    const bad = ['0', '-1', '01', '1.0', '1e3', ' 1', '1 ', '', 'abc', String(Number.MAX_SAFE_INTEGER + 1), '٣', '9'.repeat(40)];
    let error: unknown;
    try {
      sourceIdKeys(['7', ...bad]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
    expect((error as DomainError).fieldErrors?.map((e) => e.invalid_value)).toEqual(bad);
  });

  it('accepts exactly the strings that round-trip through a safe integer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (key) => {
        const plain = Number.isSafeInteger(Number(key)) && Number(key) > 0 && String(Number(key)) === key;
        let accepted = true;
        try {
          sourceIdKeys([key]);
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(plain);
      }),
    );
  });
});

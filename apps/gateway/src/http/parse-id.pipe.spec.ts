import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { ParseIdPipe } from './parse-id.pipe';

describe(ParseIdPipe.name, () => {
  const pipe = new ParseIdPipe(ErrorCode.ModelNotFound, 'No model with that id');

  it('passes a UUID on as it is', async () => {
    await expect(pipe.transform('0b9a3c52-5d0e-4a57-9d43-2f1c7f0f6d11', { type: 'param', data: 'model_id' })).resolves.toBe(
      '0b9a3c52-5d0e-4a57-9d43-2f1c7f0f6d11',
    );
  });

  it("answers an id that is no UUID with the resource's not-found code, as an unknown id", async () => {
    const error = (await pipe.transform('rules', { type: 'param', data: 'model_id' }).catch((e: unknown) => e)) as DomainError;

    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ModelNotFound);
    expect(error.message).toBe('No model with that id');
  });
});

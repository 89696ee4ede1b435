import { DomainError, ErrorCode } from '@shopfloor/contracts';
import express from 'express';
import request from 'supertest';
import { bodyErrorToDomainError, bodyParsers } from './body-parsers';

describe('bodyErrorToDomainError', () => {
  it('turns a JSON parse failure into VALIDATION_FAILED on the field body', () => {
    const error = bodyErrorToDomainError({ type: 'entity.parse.failed', status: 400 }, '1kb') as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors).toEqual([{ field: 'body', message: 'must be valid JSON', invalid_value: null }]);
  });

  it('turns an oversized body into PAYLOAD_TOO_LARGE naming the limit', () => {
    const error = bodyErrorToDomainError({ type: 'entity.too.large', status: 413 }, '1kb') as DomainError;
    expect(error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(error.details).toEqual({ limit: '1kb' });
  });

  it('turns an unsupported charset into UNSUPPORTED_MEDIA_TYPE', () => {
    expect((bodyErrorToDomainError({ type: 'charset.unsupported', status: 415 }, '1kb') as DomainError).code).toBe(ErrorCode.UnsupportedMediaType);
  });

  it('passes any other error through untouched', () => {
    const original = new Error('socket hang up');
    expect(bodyErrorToDomainError(original, '1kb')).toBe(original);
  });
});

describe('bodyParsers', () => {
  function app(): express.Express {
    const a = express();
    for (const parser of bodyParsers('100b')) a.use(parser);
    a.post('/', (req, res) => {
      res.json({ body: req.body as unknown });
    });
    a.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(error instanceof DomainError ? 499 : 500).json({ code: error instanceof DomainError ? error.code : 'other' });
    });
    return a;
  }

  it('parses JSON and CSV bodies', async () => {
    expect((await request(app()).post('/').send({ a: 1 })).body).toEqual({ body: { a: 1 } });
    expect((await request(app()).post('/').set('Content-Type', 'text/csv').send('a,b\n1,2')).body).toEqual({ body: 'a,b\n1,2' });
  });

  it('hands malformed and oversized bodies on as domain errors', async () => {
    const malformed = await request(app()).post('/').set('Content-Type', 'application/json').send('{"a":');
    expect(malformed.body).toEqual({ code: ErrorCode.ValidationFailed });
    const large = await request(app()).post('/').send({ text: 'x'.repeat(200) });
    expect(large.body).toEqual({ code: ErrorCode.PayloadTooLarge });
  });
});

import { DomainError, ErrorCode } from '@shopfloor/contracts';
import express from 'express';
import request from 'supertest';
import { bodyErrorToDomainError, bodyParsers, jsonDepth, MAX_JSON_DEPTH } from './body-parsers';

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

  it('parses JSON bodies and refuses any other content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    expect((await request(app()).post('/').send({ a: 1 })).body).toEqual({ body: { a: 1 } });
    for (const type of ['text/csv', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      expect((await request(app()).post('/').set('Content-Type', type).send('mode=full')).body).toEqual({ code: ErrorCode.UnsupportedMediaType });
    }
    expect((await request(app()).post('/').unset('Content-Type').send(Buffer.from('mode=full'))).body).toEqual({ code: ErrorCode.UnsupportedMediaType });
    // No body at all is not a content-type question: the route decides whether it needs one.
    expect((await request(app()).post('/')).body).toEqual({});
    expect((await request(app()).post('/').set('Content-Type', 'application/json').send('')).body).toEqual({});
    expect((await request(app()).post('/').set('Content-Type', 'application/json').send('{}')).body).toEqual({ body: {} });
  });

  it('refuses a body nested deeper than the limit, however deep, without overflowing the stack', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const big = express();
    for (const parser of bodyParsers('10mb')) big.use(parser);
    big.post('/', (_req, res) => res.json({ ok: true }));
    big.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) =>
      res.status(499).json({ code: (error as DomainError).code }),
    );
    expect((await request(big).post('/').set('Content-Type', 'application/json').send(deep(MAX_JSON_DEPTH))).body).toEqual({ ok: true });
    expect(
      (
        await request(big)
          .post('/')
          .set('Content-Type', 'application/json')
          .send(deep(MAX_JSON_DEPTH + 1))
      ).body,
    ).toEqual({ code: ErrorCode.ValidationFailed });
    expect((await request(big).post('/').set('Content-Type', 'application/json').send(deep(200_000))).body).toEqual({ code: ErrorCode.ValidationFailed });
    expect(jsonDepth({ a: [{ b: 1 }], c: 2 })).toBe(3);
  });

  it('hands malformed and oversized bodies on as domain errors', async () => {
    const malformed = await request(app()).post('/').set('Content-Type', 'application/json').send('{"a":');
    expect(malformed.body).toEqual({ code: ErrorCode.ValidationFailed });
    const large = await request(app())
      .post('/')
      .send({ text: 'x'.repeat(200) });
    expect(large.body).toEqual({ code: ErrorCode.PayloadTooLarge });
  });
});

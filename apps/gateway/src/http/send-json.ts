import type { JsonBytes } from '@shopfloor/nats';
import type { Response } from 'express';

type EtagOf = (body: Buffer, encoding: BufferEncoding) => string | undefined;

/**
 * Sends JSON that arrived as bytes (an answer passed on from a service) as the 200 body, without re-encoding it.
 * Given as an answer that is sent again and again (a kept copy), its ETag is made once, with Express's own function,
 * and reused: Express then neither hashes the body again nor answers a conditional request differently.
 */
export function sendJson<T>(res: Response, body: JsonBytes<T> | { readonly body: JsonBytes<T>; etag?: string }): void {
  res.status(200).type('application/json; charset=utf-8');
  if (Buffer.isBuffer(body)) {
    res.send(body);
    return;
  }
  const etagOf = res.app.get('etag fn') as EtagOf | undefined;
  if (etagOf) {
    body.etag ??= etagOf(body.body, 'utf8');
    if (body.etag !== undefined) res.setHeader('ETag', body.etag);
  }
  res.send(body.body);
}

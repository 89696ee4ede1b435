import type { JsonBytes } from '@shopfloor/nats';
import type { Response } from 'express';

/** Sends JSON that arrived as bytes (an answer passed on from a service) as the 200 body, without re-encoding it. */
export function sendJson<T>(res: Response, body: JsonBytes<T>): void {
  res.status(200).type('application/json; charset=utf-8').send(body);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Signature';
export const SIGNATURE_TIMESTAMP_HEADER = 'X-Signature-Timestamp';
export const DELIVERY_ID_HEADER = 'X-Delivery-Id';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: the timestamp (Unix seconds, also sent in
 * X-Signature-Timestamp) is signed with the body, so a receiver that refuses old timestamps refuses replays too.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** How a receiver checks a call: the signature matches and the timestamp is no older than `toleranceSeconds`. */
export function verifyWebhookSignature(
  secret: string,
  header: { signature: string; timestamp: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'utf8');
  const given = Buffer.from(header.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryEntity } from '@shopfloor/notification/data-access';
import { NotificationEnv } from '../config/notification.env';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';

/** How much of a refusing receiver's answer is kept in the delivery's last error. */
const ERROR_BODY_CHARS = 300;

/**
 * POSTs outbox webhooks: signed (when a secret is set) over the timestamp and body, with the delivery id for the
 * receiver to drop repeats. A 2xx is success; any other status, a redirect, or no answer within WEBHOOK_TIMEOUT_MS
 * is a failed attempt.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(private readonly env: NotificationEnv) {
    if (!env.WEBHOOK_SIGNING_SECRET) this.logger.warn({ message: 'WEBHOOK_SIGNING_SECRET is not set: webhooks go out without X-Signature' });
  }

  async send(delivery: DeliveryEntity, now: Date): Promise<void> {
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'shopfloor-notification',
      [DELIVERY_ID_HEADER]: delivery.messageId,
      [SIGNATURE_TIMESTAMP_HEADER]: String(timestamp),
    };
    if (this.env.WEBHOOK_SIGNING_SECRET) headers[SIGNATURE_HEADER] = webhookSignature(this.env.WEBHOOK_SIGNING_SECRET, timestamp, delivery.body);
    let response: Response;
    try {
      // No redirects: a POST must not turn into a GET elsewhere, nor the signed body go to an address not configured.
      response = await fetch(delivery.url as string, {
        method: 'POST',
        headers,
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.env.WEBHOOK_TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(describeFetchError(error, this.env.WEBHOOK_TIMEOUT_MS));
    }
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    const excerpt = await readExcerpt(response);
    throw new Error(`HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`);
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  // The abort is a DOMException, which is not an Error in every realm: look at its name.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ''}` : error instanceof Error ? error.message : String(error);
}

/** The start of the answer's body, on one line; never the whole of a large one. */
async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  let text = '';
  const decoder = new TextDecoder();
  try {
    while (text.length < ERROR_BODY_CHARS) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The body broke off; what arrived is enough.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, ERROR_BODY_CHARS);
}

import { context, propagation, type Context } from '@opentelemetry/api';
import { HEADERS } from '@shopfloor/contracts';
import { requestContext } from '@shopfloor/observability';
import { headers as natsHeaders, type MsgHdrs } from 'nats';

/** Headers for an outgoing message: the current correlation id and the W3C trace context. */
export function outgoingHeaders(): MsgHdrs {
  const h = natsHeaders();
  const requestId = requestContext.requestId();
  if (requestId) h.set(HEADERS.requestId, requestId);
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [key, value] of Object.entries(carrier)) h.set(key, value);
  return h;
}

/** The correlation id and trace context of an incoming message. */
export function incomingContext(h: MsgHdrs | undefined): { requestId: string | undefined; traceContext: Context } {
  const carrier: Record<string, string> = {};
  if (h) {
    for (const key of h.keys()) carrier[key.toLowerCase()] = h.get(key);
  }
  return {
    requestId: carrier[HEADERS.requestId] || undefined,
    traceContext: propagation.extract(context.active(), carrier),
  };
}

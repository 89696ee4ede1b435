import type { DeliveryView } from '@shopfloor/contracts';
import type { DeliverySummary } from '@shopfloor/notification/data-access';

/** The URL without what may hold a secret: credentials, query string and fragment. */
export function publicUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return url.split(/[?#]/)[0];
  }
}

export function toDeliveryView(row: DeliverySummary): DeliveryView {
  return {
    id: row.id,
    channel: row.channel,
    target: row.channel === 'email' ? (row.recipients ?? []).join(', ') : publicUrl(row.url ?? ''),
    alert_id: row.alertId,
    schedule_id: row.scheduleId,
    // A delivery being sent right now is still pending to the reader: it is neither sent nor given up on.
    state: row.state === 'sending' ? 'pending' : row.state,
    attempts: row.attempts,
    last_error: row.lastError,
    next_attempt_at:
      row.state === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : row.state === 'sending' ? (row.leaseExpiresAt?.toISOString() ?? null) : null,
    created_at: row.createdAt.toISOString(),
    sent_at: row.sentAt?.toISOString() ?? null,
    message_id: row.messageId,
  };
}

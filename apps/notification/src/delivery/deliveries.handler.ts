import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, ErrorCode, ListDeliveriesQuery, SUBJECTS, validatePayload, type DeliveryPage } from '@shopfloor/contracts';
import { DeliveryRepository } from '@shopfloor/notification/data-access';
import { toDeliveryView } from './delivery-view';

const DEFAULT_LIMIT = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller()
export class DeliveriesHandler {
  constructor(private readonly deliveries: DeliveryRepository) {}

  /** Every e-mail and webhook of the outbox, newest first, optionally of one state, paged by an opaque cursor. */
  @MessagePattern(SUBJECTS.notification.deliveriesList)
  async list(@Payload() payload: unknown): Promise<DeliveryPage> {
    const query = validatePayload(ListDeliveriesQuery, payload);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.deliveries.page({ state: query.state, before: query.cursor ? decodeCursor(query.cursor) : undefined, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toDeliveryView), next_cursor: rows.length > limit ? encodeCursor(last.createdAt, last.id) : null };
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time);
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor this API returned', null, [
      { field: 'cursor', message: 'must be a next_cursor from a previous page', invalid_value: cursor },
    ]);
  }
  return { createdAt, id };
}

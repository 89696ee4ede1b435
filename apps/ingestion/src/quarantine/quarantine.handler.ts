import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, ErrorCode, ListQuarantineRequest, SUBJECTS, validatePayload, type QuarantinePage } from '@shopfloor/contracts';
import { SyncStateRepository } from '@shopfloor/ingestion/data-access';

const DEFAULT_LIMIT = 100;

@Controller()
export class QuarantineHandler {
  constructor(private readonly state: SyncStateRepository) {}

  /** Rejected rows (by ingestion's checks or by a consumer), oldest first, paged by an opaque cursor. */
  @MessagePattern(SUBJECTS.ingestion.quarantineList)
  async list(@Payload() payload: unknown): Promise<QuarantinePage> {
    const request = validatePayload(ListQuarantineRequest, payload);
    const afterId = request.cursor ? decodeCursor(request.cursor) : null;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const rows = await this.state.quarantinePage(limit, afterId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        table: r.sourceTable,
        primary_key: r.primaryKey,
        reasons: r.reasons,
        raw: r.raw,
        first_seen_at: r.firstSeenAt.toISOString(),
        last_seen_at: r.lastSeenAt.toISOString(),
        rejected_by: r.rejectedBy,
      })),
      next_cursor: rows.length === limit ? Buffer.from(rows[rows.length - 1].id, 'utf8').toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(id)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor this API returned', null, [
      { field: 'cursor', message: 'must be a next_cursor from a previous page', invalid_value: cursor },
    ]);
  }
  return id;
}

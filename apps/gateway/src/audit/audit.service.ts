import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@shopfloor/gateway/data-access';
import { requestContext } from '@shopfloor/observability';
import type { Principal } from '../auth/principal';

/** Records administrative actions with who did them and under which request. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async record(by: Principal, action: string, target: string | null, details: Record<string, unknown> | null): Promise<void> {
    await this.entries.record({ actor: `${by.via}:${by.id}`, action, target, details, requestId: requestContext.requestId() ?? null });
  }
}

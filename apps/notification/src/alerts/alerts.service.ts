import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type AlertActionRequest,
  type AlertDetailView,
  type AlertPage,
  type AlertView,
  type ListAlertsQuery,
} from '@shopfloor/contracts';
import { AlertRepository } from '@shopfloor/notification/data-access';
import { AlertLifecycle } from './alert-lifecycle';
import { toAlertView, toTimelineEntry } from './alert-view.mapper';

const DEFAULT_LIMIT = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What people see of the alerts and do with them (list, read, acknowledge, resolve). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly lifecycle: AlertLifecycle,
  ) {}

  /** Newest first, paged by an opaque cursor (the last alert's opening time and id). */
  async list(query: ListAlertsQuery): Promise<AlertPage> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'from must be before to', null, [
        { field: 'from', message: 'must be before to', invalid_value: query.from },
      ]);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.alerts.page({
      state: query.state,
      machineId: query.machine_id,
      severity: query.severity,
      from,
      to,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const last = rows[rows.length - 1];
    return { items: rows.map(toAlertView), next_cursor: rows.length === limit ? encodeCursor(last.openedAt, last.id) : null };
  }

  async get(id: string): Promise<AlertDetailView> {
    const alert = await this.alerts.find(id);
    if (!alert) throw new DomainError(ErrorCode.AlertNotFound, `Alert ${id} does not exist`, { id });
    return { ...toAlertView(alert), timeline: (await this.alerts.timeline(id)).map(toTimelineEntry) };
  }

  async acknowledge(request: AlertActionRequest): Promise<AlertView> {
    return toAlertView(await this.lifecycle.acknowledge(request.id, request.by, request.comment ?? null));
  }

  async resolve(request: AlertActionRequest): Promise<AlertView> {
    return toAlertView(await this.lifecycle.resolve(request.id, request.by, request.comment ?? null));
  }
}

function encodeCursor(openedAt: Date, id: string): string {
  return Buffer.from(`${openedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { openedAt: Date; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const openedAt = new Date(at);
  if (rest.length > 0 || id === undefined || !UUID.test(id) || Number.isNaN(openedAt.getTime())) {
    throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor this API returned', null, [
      { field: 'cursor', message: 'must be a next_cursor from a previous page', invalid_value: cursor },
    ]);
  }
  return { openedAt, id };
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertActionBody, ErrorCode, ListAlertsQuery, SUBJECTS, type AlertDetailView, type AlertPage, type AlertView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ParseIdPipe } from '../http/parse-id.pipe';

const alertId = new ParseIdPipe(ErrorCode.AlertNotFound, 'No alert with that id');

@ApiTags('alerts')
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Alerts, newest first: one episode of one condition on one machine each, filtered by state, machine, severity and opening time' })
  async list(@Query() query: ListAlertsQuery): Promise<AlertPage> {
    return this.rpc.request<AlertPage>(SUBJECTS.notification.alertsList, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its timeline (opened, updated, notified, escalated, acknowledged, resolved: when and by whom)' })
  async get(@Param('id', alertId) id: string): Promise<AlertDetailView> {
    return this.rpc.request<AlertDetailView>(SUBJECTS.notification.alertGet, { id });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Take an open alert, with an optional comment: it stops escalating; 409 if it is not open' })
  async acknowledge(@Param('id', alertId) id: string, @Body() body: AlertActionBody, @CurrentPrincipal() by: Principal): Promise<AlertView> {
    return this.rpc.request<AlertView>(SUBJECTS.notification.alertAcknowledge, { ...body, id, by: by.name });
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Close an alert by hand, with an optional comment (alerts also resolve by themselves when their condition clears); 409 if already resolved',
  })
  async resolve(@Param('id', alertId) id: string, @Body() body: AlertActionBody, @CurrentPrincipal() by: Principal): Promise<AlertView> {
    return this.rpc.request<AlertView>(SUBJECTS.notification.alertResolve, { ...body, id, by: by.name });
  }
}

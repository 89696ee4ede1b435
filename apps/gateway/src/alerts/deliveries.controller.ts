import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListDeliveriesQuery, SUBJECTS, type DeliveryPage } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { RequireRole } from '../auth/auth.decorators';

@ApiTags('alerts')
@Controller('api/v1/notifications')
export class DeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('deliveries')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Every e-mail and webhook call, newest first, with its state (pending, sent, failed), attempts, next attempt and last error' })
  async list(@Query() query: ListDeliveriesQuery): Promise<DeliveryPage> {
    return this.rpc.request<DeliveryPage>(SUBJECTS.notification.deliveriesList, query);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ListMachinesRequest, SUBJECTS, type ListMachinesReply, type MachineView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';

@ApiTags('shop floor')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('api/v1/machines')
export class MachinesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Machines of the shop floor, as last synced from the source' })
  async list(@Query() query: ListMachinesRequest): Promise<ListMachinesReply> {
    return this.rpc.request<ListMachinesReply>(SUBJECTS.analytics.machinesList, query);
  }

  @Get(':machine_id')
  @ApiOperation({ summary: 'One machine; 404 MACHINE_NOT_FOUND if unknown' })
  async get(@Param('machine_id') machineId: string): Promise<MachineView> {
    return this.rpc.request<MachineView>(SUBJECTS.analytics.machineGet, { machine_id: machineId });
  }
}

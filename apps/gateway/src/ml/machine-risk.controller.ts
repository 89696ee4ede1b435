import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MachineRiskRequest, SUBJECTS, validatePayload, type MachineRiskView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';

/** A machine's risk lives under its machine path, but the ml service keeps the predictions behind it. */
@ApiTags('ml')
@Controller('api/v1/machines')
export class MachineRiskController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':machine_id/risk')
  @ApiOperation({
    summary:
      "A machine's current risk: the latest prediction of each kind (downtime within 24 hours and within 7 days, failure risk, maintenance window, the latest anomalous hour of the last 24 hours) with its threshold, model version and top factors, null while no active model has scored it; 404 MACHINE_NOT_FOUND if unknown",
  })
  async get(@Param('machine_id') machineId: string): Promise<MachineRiskView> {
    // Checked here against the request the ml service takes, so a malformed id is a 400 before anything is asked.
    const request = validatePayload(MachineRiskRequest, { machine_id: machineId });
    return this.rpc.request<MachineRiskView>(SUBJECTS.ml.machineRisk, request);
  }
}

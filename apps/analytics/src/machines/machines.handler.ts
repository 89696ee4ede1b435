import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetMachineRequest, ListMachinesRequest, SUBJECTS, validatePayload, type ListMachinesReply, type MachineView } from '@shopfloor/contracts';
import { MachinesService } from './machines.service';

@Controller()
export class MachinesHandler {
  constructor(private readonly machines: MachinesService) {}

  @MessagePattern(SUBJECTS.analytics.machinesList)
  async list(@Payload() payload: unknown): Promise<ListMachinesReply> {
    return this.machines.list(validatePayload(ListMachinesRequest, payload));
  }

  @MessagePattern(SUBJECTS.analytics.machineGet)
  async get(@Payload() payload: unknown): Promise<MachineView> {
    return this.machines.get(validatePayload(GetMachineRequest, payload).machine_id);
  }
}

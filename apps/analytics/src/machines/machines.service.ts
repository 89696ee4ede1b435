import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type ListMachinesReply, type ListMachinesRequest, type MachineView } from '@shopfloor/contracts';
import { MachineRepository } from '@shopfloor/analytics/data-access';
import { toMachineView } from './machine-view.mapper';

const DEFAULT_LIMIT = 500;

@Injectable()
export class MachinesService {
  constructor(private readonly machines: MachineRepository) {}

  async list(request: ListMachinesRequest): Promise<ListMachinesReply> {
    const { items, total } = await this.machines.list({ type: request.type, location: request.location, limit: request.limit ?? DEFAULT_LIMIT });
    return { items: items.map(toMachineView), total };
  }

  async get(machineId: string): Promise<MachineView> {
    const machine = await this.machines.findActive(machineId);
    if (!machine) throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    return toMachineView(machine);
  }
}

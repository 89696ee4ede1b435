import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type ListMachinesReply, type ListMachinesRequest, type MachineDeletedEvent, type MachineRecord, type MachineView } from '@shopfloor/contracts';
import { MachineRepository } from '@shopfloor/analytics/data-access';
import { toMachineUpsert, toMachineView } from './machine-view.mapper';

const DEFAULT_LIMIT = 500;

@Injectable()
export class MachinesService {
  private readonly logger = new Logger(MachinesService.name);

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

  async applyUpsert(record: MachineRecord): Promise<void> {
    const changed = await this.machines.upsertIfNewer(toMachineUpsert(record));
    this.logger.debug({ message: changed ? 'Machine stored' : 'Machine record older than stored; ignored', machine_id: record.machine_id });
  }

  async applyDelete(event: MachineDeletedEvent): Promise<void> {
    await this.machines.markDeleted(event.machine_id, new Date(event.deleted_at));
  }
}

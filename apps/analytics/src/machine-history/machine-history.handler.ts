import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MachineHistoryRequest, SUBJECTS, validatePayload, type DowntimeView, type HistoryPage, type JobView } from '@shopfloor/contracts';
import { MachineHistoryService } from './machine-history.service';

@Controller()
export class MachineHistoryHandler {
  constructor(private readonly history: MachineHistoryService) {}

  @MessagePattern(SUBJECTS.analytics.machineJobs)
  async jobs(@Payload() payload: unknown): Promise<HistoryPage<JobView>> {
    return this.history.jobs(validatePayload(MachineHistoryRequest, payload));
  }

  @MessagePattern(SUBJECTS.analytics.machineDowntime)
  async downtime(@Payload() payload: unknown): Promise<HistoryPage<DowntimeView>> {
    return this.history.downtime(validatePayload(MachineHistoryRequest, payload));
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MachineHistoryRequest,
  MachineReadingsRequest,
  MachineStatesRequest,
  SUBJECTS,
  validatePayload,
  type DowntimeView,
  type HistoryPage,
  type JobView,
  type ReadingsView,
  type StateTimelineView,
} from '@shopfloor/contracts';
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

  @MessagePattern(SUBJECTS.analytics.machineStates)
  async states(@Payload() payload: unknown): Promise<StateTimelineView> {
    return this.history.states(validatePayload(MachineStatesRequest, payload));
  }

  @MessagePattern(SUBJECTS.analytics.machineReadings)
  async readings(@Payload() payload: unknown): Promise<ReadingsView> {
    return this.history.readingSeries(validatePayload(MachineReadingsRequest, payload));
  }
}

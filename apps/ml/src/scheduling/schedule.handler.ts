import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OptimizeScheduleRequest, SUBJECTS, validatePayload, type ScheduleView } from '@shopfloor/contracts';
import { ScheduleService } from './schedule.service';

@Controller()
export class ScheduleHandler {
  constructor(private readonly schedule: ScheduleService) {}

  @MessagePattern(SUBJECTS.ml.optimizeSchedule)
  async optimize(@Payload() payload: unknown): Promise<ScheduleView> {
    return this.schedule.optimize(validatePayload(OptimizeScheduleRequest, payload));
  }
}

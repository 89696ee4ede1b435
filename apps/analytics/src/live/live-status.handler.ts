import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { SUBJECTS, type LiveStatusList } from '@shopfloor/contracts';
import { LiveStatusService } from './live-status.service';

@Controller()
export class LiveStatusHandler {
  constructor(private readonly live: LiveStatusService) {}

  @MessagePattern(SUBJECTS.analytics.liveList)
  async list(): Promise<LiveStatusList> {
    return this.live.list();
  }
}

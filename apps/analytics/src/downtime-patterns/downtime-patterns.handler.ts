import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DowntimePatternsQuery, SUBJECTS, validatePayload, type DowntimePatternsView } from '@shopfloor/contracts';
import { DowntimePatternsService } from './downtime-patterns.service';

@Controller()
export class DowntimePatternsHandler {
  constructor(private readonly patterns: DowntimePatternsService) {}

  @MessagePattern(SUBJECTS.analytics.downtimePatternsGet)
  async get(@Payload() payload: unknown): Promise<DowntimePatternsView> {
    return this.patterns.get(validatePayload(DowntimePatternsQuery, payload));
  }
}

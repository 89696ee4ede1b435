import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DowntimePatternsQuery, SUBJECTS, validatePayload, type DowntimePatternsView } from '@shopfloor/contracts';
import { JsonText } from '@shopfloor/nats';
import { DowntimePatternsService } from './downtime-patterns.service';

@Controller()
export class DowntimePatternsHandler {
  constructor(private readonly patterns: DowntimePatternsService) {}

  @MessagePattern(SUBJECTS.analytics.downtimePatternsGet)
  async get(@Payload() payload: unknown): Promise<JsonText<DowntimePatternsView>> {
    return new JsonText((await this.patterns.get(validatePayload(DowntimePatternsQuery, payload))).json);
  }
}

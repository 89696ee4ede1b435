import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OeeQuery, SUBJECTS, validatePayload, type OeeMetricsView } from '@shopfloor/contracts';
import { OeeService } from './oee.service';

@Controller()
export class OeeHandler {
  constructor(private readonly oee: OeeService) {}

  @MessagePattern(SUBJECTS.analytics.oeeGet)
  async get(@Payload() payload: unknown): Promise<OeeMetricsView> {
    return this.oee.get(validatePayload(OeeQuery, payload));
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EfficiencyQuery, OeeQuery, SUBJECTS, validatePayload, type EfficiencyView, type OeeMetricsView } from '@shopfloor/contracts';
import type { JsonText } from '@shopfloor/nats';
import { EfficiencyService } from './efficiency.service';
import { OeeService } from './oee.service';

@Controller()
export class OeeHandler {
  constructor(
    private readonly oee: OeeService,
    private readonly efficiency: EfficiencyService,
  ) {}

  @MessagePattern(SUBJECTS.analytics.oeeGet)
  async get(@Payload() payload: unknown): Promise<JsonText<OeeMetricsView>> {
    return this.oee.get(validatePayload(OeeQuery, payload));
  }

  @MessagePattern(SUBJECTS.analytics.efficiencyGet)
  async efficiencyReport(@Payload() payload: unknown): Promise<JsonText<EfficiencyView>> {
    return this.efficiency.get(validatePayload(EfficiencyQuery, payload));
  }
}

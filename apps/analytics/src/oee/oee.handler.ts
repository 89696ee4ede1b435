import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CurrentShiftQuery,
  EfficiencyQuery,
  OeeQuery,
  SUBJECTS,
  validatePayload,
  type CurrentShiftView,
  type EfficiencyView,
  type OeeMetricsView,
} from '@shopfloor/contracts';
import { JsonText } from '@shopfloor/nats';
import { CurrentShiftService } from './current-shift.service';
import { EfficiencyService } from './efficiency.service';
import { OeeService } from './oee.service';

@Controller()
export class OeeHandler {
  constructor(
    private readonly oee: OeeService,
    private readonly efficiency: EfficiencyService,
    private readonly currentShift: CurrentShiftService,
  ) {}

  @MessagePattern(SUBJECTS.analytics.oeeGet)
  async get(@Payload() payload: unknown): Promise<JsonText<OeeMetricsView>> {
    return new JsonText((await this.oee.get(validatePayload(OeeQuery, payload))).json);
  }

  @MessagePattern(SUBJECTS.analytics.efficiencyGet)
  async efficiencyReport(@Payload() payload: unknown): Promise<JsonText<EfficiencyView>> {
    return new JsonText((await this.efficiency.get(validatePayload(EfficiencyQuery, payload))).json);
  }

  @MessagePattern(SUBJECTS.analytics.currentShiftGet)
  async currentShiftOee(@Payload() payload: unknown): Promise<CurrentShiftView> {
    return this.currentShift.get(validatePayload(CurrentShiftQuery, payload));
  }
}

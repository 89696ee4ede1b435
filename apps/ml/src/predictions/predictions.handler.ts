import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PredictFailureRiskRequest, SUBJECTS, validatePayload, type PredictionResult } from '@shopfloor/contracts';
import { PredictionsService } from './predictions.service';

@Controller()
export class PredictionsHandler {
  constructor(private readonly predictions: PredictionsService) {}

  @MessagePattern(SUBJECTS.ml.predictFailureRisk)
  async failureRisk(@Payload() payload: unknown): Promise<PredictionResult> {
    return this.predictions.failureRisk(validatePayload(PredictFailureRiskRequest, payload));
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EvaluateRequest, ModelIdRequest, ModelListQuery, SUBJECTS, validatePayload, type EvaluationView, type ModelView } from '@shopfloor/contracts';
import { EvaluationService } from './evaluation.service';
import { ModelsService } from './models.service';

@Controller()
export class ModelsHandler {
  constructor(
    private readonly models: ModelsService,
    private readonly evaluation: EvaluationService,
  ) {}

  @MessagePattern(SUBJECTS.ml.modelsList)
  async list(@Payload() payload: unknown): Promise<{ items: ModelView[] }> {
    return this.models.list(validatePayload(ModelListQuery, payload).model_type);
  }

  @MessagePattern(SUBJECTS.ml.modelActivate)
  async activate(@Payload() payload: unknown): Promise<ModelView> {
    return this.models.activate(validatePayload(ModelIdRequest, payload).model_id);
  }

  @MessagePattern(SUBJECTS.ml.evaluate)
  async evaluate(@Payload() payload: unknown): Promise<EvaluationView> {
    return this.evaluation.evaluate(validatePayload(EvaluateRequest, payload));
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListTrainingsQuery, SUBJECTS, TrainingIdRequest, TrainRequest, validatePayload, type TrainingView } from '@shopfloor/contracts';
import { TrainingService } from './training.service';

@Controller()
export class TrainingHandler {
  constructor(private readonly training: TrainingService) {}

  @MessagePattern(SUBJECTS.ml.trainStart)
  async start(@Payload() payload: unknown): Promise<{ training_id: string; state: 'queued' }> {
    return this.training.start(validatePayload(TrainRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.trainGet)
  async get(@Payload() payload: unknown): Promise<TrainingView> {
    return this.training.get(validatePayload(TrainingIdRequest, payload).training_id);
  }

  @MessagePattern(SUBJECTS.ml.trainList)
  async list(@Payload() payload: unknown): Promise<{ items: TrainingView[] }> {
    return this.training.list(validatePayload(ListTrainingsQuery, payload));
  }
}

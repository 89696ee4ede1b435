import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateDatasetRequest, SUBJECTS, validatePayload, type DatasetView } from '@shopfloor/contracts';
import { DatasetsService } from './datasets.service';

@Controller()
export class DatasetsHandler {
  constructor(private readonly datasets: DatasetsService) {}

  @MessagePattern(SUBJECTS.ml.datasetCreate)
  async create(@Payload() payload: unknown): Promise<DatasetView> {
    return this.datasets.create(validatePayload(CreateDatasetRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.datasetList)
  async list(): Promise<{ items: DatasetView[] }> {
    return this.datasets.list();
  }
}

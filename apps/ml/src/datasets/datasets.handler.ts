import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateDatasetRequest, DatasetIdRequest, SUBJECTS, validatePayload, type DatasetView } from '@shopfloor/contracts';
import { DatasetsService } from './datasets.service';

@Controller()
export class DatasetsHandler {
  constructor(private readonly datasets: DatasetsService) {}

  @MessagePattern(SUBJECTS.ml.datasetCreate)
  async create(@Payload() payload: unknown): Promise<DatasetView> {
    return this.datasets.create(validatePayload(CreateDatasetRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.datasetDelete)
  async delete(@Payload() payload: unknown): Promise<{ deleted: true }> {
    return this.datasets.delete(validatePayload(DatasetIdRequest, payload).dataset_id);
  }

  @MessagePattern(SUBJECTS.ml.datasetList)
  async list(): Promise<{ items: DatasetView[] }> {
    return this.datasets.list();
  }
}

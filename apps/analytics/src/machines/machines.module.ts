import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { MachinesHandler } from './machines.handler';
import { MachinesService } from './machines.service';

@Module({
  imports: [ReadModelModule],
  controllers: [MachinesHandler],
  providers: [MachinesService],
  exports: [MachinesService],
})
export class MachinesModule {}

import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { ShopfloorCopyConsumer } from './shopfloor-copy.consumer';
import { ShopfloorCopyService } from './shopfloor-copy.service';

/** The ml service's copy of the shop floor: kept from SHOPFLOOR, read by training and by the prediction outcomes. */
@Module({
  imports: [MlDataModule],
  providers: [ShopfloorCopyService, ShopfloorCopyConsumer],
})
export class ShopfloorModule {}

import { Module } from '@nestjs/common';
import { ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { ShopfloorCopyConsumer } from './shopfloor-copy.consumer';
import { ShopfloorCopyService } from './shopfloor-copy.service';

/** The ml service's copy of the shop floor: kept from SHOPFLOOR, read by training and by the prediction outcomes. */
@Module({
  providers: [ShopfloorCopyRepository, ShopfloorCopyService, ShopfloorCopyConsumer],
  exports: [ShopfloorCopyRepository],
})
export class ShopfloorModule {}

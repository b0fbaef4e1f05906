import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { CreateOrderInput } from '@shop/shared-types';

/** One requested line: product and quantity. Prices are always looked up server-side. */
export class CreateOrderLineDto {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

/** Body of `POST /api/orders`. */
export class CreateOrderDto implements CreateOrderInput {
  @IsUUID()
  customerId!: string;

  @ValidateNested({ each: true })
  @Type(() => CreateOrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines!: CreateOrderLineDto[];
}

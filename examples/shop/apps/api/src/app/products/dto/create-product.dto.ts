import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateProductInput, CurrencyCode } from '@shop/shared-types';

/** Validated Money payload. */
export class MoneyDto {
  @IsInt()
  @Min(0)
  amountMinor!: number;

  @IsIn(['USD', 'EUR', 'GBP'])
  currency!: CurrencyCode;
}

/** Body of `POST /api/products`. */
export class CreateProductDto implements CreateProductInput {
  @Matches(/^[A-Z0-9-]{3,64}$/)
  sku!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @MaxLength(5000)
  description!: string;

  @ValidateNested()
  @Type(() => MoneyDto)
  price!: MoneyDto;

  @IsInt()
  @Min(0)
  stock!: number;
}

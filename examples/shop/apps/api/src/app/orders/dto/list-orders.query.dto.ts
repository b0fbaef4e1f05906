import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ListOrdersQuery, MAX_PAGE_SIZE, ORDER_STATUSES, OrderStatus } from '@shop/shared-types';

/** Query string of `GET /api/orders`, validated by the global ValidationPipe. */
export class ListOrdersQueryDto implements ListOrdersQuery {
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** ISO date (`YYYY-MM-DD`), inclusive. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** ISO date (`YYYY-MM-DD`), exclusive. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

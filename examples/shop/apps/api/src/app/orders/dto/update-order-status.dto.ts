import { IsIn } from 'class-validator';
import { ORDER_STATUSES, OrderStatus } from '@shop/shared-types';

/** Body of `PATCH /api/orders/:id/status`. Allowed transitions are checked by OrdersService. */
export class UpdateOrderStatusDto {
  @IsIn(ORDER_STATUSES)
  status!: OrderStatus;
}

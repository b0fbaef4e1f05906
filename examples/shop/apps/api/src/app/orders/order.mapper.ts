import { Order } from '@shop/shared-types';
import { OrderEntity } from './order.entity';

/** Maps an OrderEntity (with `customer` and `lines` loaded) to the `Order` wire type. */
export function toOrder(entity: OrderEntity): Order {
  return {
    id: entity.id,
    number: entity.number,
    customerId: entity.customerId,
    customerEmail: entity.customer.email,
    status: entity.status,
    lines: (entity.lines ?? []).map((line) => ({
      productId: line.productId,
      sku: line.sku,
      productName: line.productName,
      quantity: line.quantity,
      unitPrice: { amountMinor: line.unitPriceMinor, currency: line.currency },
    })),
    total: { amountMinor: entity.totalMinor, currency: entity.currency },
    placedAt: entity.placedAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

import { Money } from './money';
import { PageRequest } from './pagination';

/** Lifecycle of an order; transitions are enforced by the API's OrdersService. */
export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

/** Every status, in lifecycle order — handy for filter drop-downs. */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
];

/** One line of an order; `unitPrice` is captured at checkout time. */
export interface OrderLine {
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPrice: Money;
}

/** An order as returned by `GET /api/orders` and `GET /api/orders/:id`. */
export interface Order {
  id: string;
  /** Human-friendly number shown to customers, e.g. `SO-10042`. */
  number: string;
  customerId: string;
  customerEmail: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: Money;
  /** ISO-8601 timestamps. */
  placedAt: string;
  updatedAt: string;
}

/** Filters accepted by the orders list endpoint and the dashboard's orders page. */
export interface OrderFilters {
  status?: OrderStatus;
  customerId?: string;
  /** ISO date, inclusive. */
  from?: string;
  /** ISO date, exclusive. */
  to?: string;
  /** Free-text match on order number or customer email. */
  search?: string;
}

/** Query for `GET /api/orders`: filters plus paging. */
export type ListOrdersQuery = OrderFilters & Partial<PageRequest>;

/** Payload for `POST /api/orders`. */
export interface CreateOrderInput {
  customerId: string;
  lines: Array<{ productId: string; quantity: number }>;
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Repository, SelectQueryBuilder } from 'typeorm';
import { inTransaction, paginate, whereInDateRange } from '@shop/api-data-access';
import { CreateOrderInput, ListOrdersQuery, Order, OrderFilters, OrderStatus, Page } from '@shop/shared-types';
import { dateRangeFrom, money, multiplyMoney, sumMoney } from '@shop/shared-util';
import { NotificationsQueue } from '../notifications/notifications.queue';
import { ProductEntity } from '../products/product.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';
import { toOrder } from './order.mapper';

/** Which status each status may move to. Terminal states map to `[]`. */
export const ALLOWED_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** Escapes `%`, `_` and `\` for use inside an ILIKE pattern. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/** Order lifecycle: querying for the dashboard, checkout, status transitions. */
@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsQueue,
  ) {}

  /** One page of orders matching `query`, newest first (backs `GET /api/orders`). */
  list(query: ListOrdersQuery): Promise<Page<Order>> {
    return paginate(this.filteredQuery(query), query, toOrder);
  }

  /** Loads one order with its customer and lines, or throws 404. */
  async get(id: string): Promise<Order> {
    return toOrder(await this.load(id));
  }

  /**
   * Places an order: locks the products, checks stock and currency, decrements stock,
   * snapshots prices into lines and computes the total — all in one transaction.
   * Enqueues the confirmation e-mail after commit.
   */
  async create(input: CreateOrderInput): Promise<Order> {
    const orderId = await inTransaction(this.dataSource, async (manager) => {
      const products = await manager.find(ProductEntity, {
        where: { id: In(input.lines.map((line) => line.productId)), active: true },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(products.map((product) => [product.id, product]));
      const currency = products[0]?.currency;
      if (!currency) {
        throw new BadRequestException('None of the requested products is available');
      }

      const lines = input.lines.map((requested) => {
        const product = byId.get(requested.productId);
        if (!product) {
          throw new BadRequestException(`Product ${requested.productId} is not available`);
        }
        if (product.currency !== currency) {
          throw new BadRequestException('All products in an order must share one currency');
        }
        if (product.stock < requested.quantity) {
          throw new ConflictException(`Insufficient stock for ${product.sku}`);
        }
        product.stock -= requested.quantity;
        return manager.create(OrderLineEntity, {
          productId: product.id,
          sku: product.sku,
          productName: product.name,
          quantity: requested.quantity,
          unitPriceMinor: product.priceMinor,
          currency,
        });
      });

      const total = sumMoney(
        lines.map((line) => multiplyMoney(money(line.unitPriceMinor, line.currency), line.quantity)),
        currency,
      );
      await manager.save(products);
      const [{ seq }] = await manager.query(`SELECT nextval('order_number_seq') AS seq`);
      const saved = await manager.save(
        manager.create(OrderEntity, {
          number: `SO-${seq}`,
          customerId: input.customerId,
          status: 'pending',
          totalMinor: total.amountMinor,
          currency,
          lines,
        }),
      );
      return saved.id;
    });

    const order = await this.get(orderId);
    await this.notifications.enqueue({ kind: 'order-confirmation', orderId, customerEmail: order.customerEmail });
    return order;
  }

  /** Moves an order to `next`, enforcing ALLOWED_TRANSITIONS (409 otherwise). */
  async transition(id: string, next: OrderStatus): Promise<Order> {
    const entity = await this.load(id);
    if (!ALLOWED_TRANSITIONS[entity.status].includes(next)) {
      throw new ConflictException(`Cannot move order ${entity.number} from ${entity.status} to ${next}`);
    }
    entity.status = next;
    return toOrder(await this.orders.save(entity));
  }

  /** Cancels an order and notifies the customer. */
  async cancel(id: string): Promise<Order> {
    const order = await this.transition(id, 'cancelled');
    await this.notifications.enqueue({ kind: 'order-cancelled', orderId: order.id, customerEmail: order.customerEmail });
    return order;
  }

  private async load(id: string): Promise<OrderEntity> {
    const entity = await this.orders.findOne({ where: { id }, relations: { customer: true, lines: true } });
    if (!entity) {
      throw new NotFoundException(`Order ${id} not found`);
    }
    return entity;
  }

  /** Query builder with the dashboard filters applied (status, customer, date range, search). */
  private filteredQuery(filters: OrderFilters): SelectQueryBuilder<OrderEntity> {
    const qb = this.orders
      .createQueryBuilder('order')
      .innerJoinAndSelect('order.customer', 'customer')
      .leftJoinAndSelect('order.lines', 'line')
      .orderBy('order.placedAt', 'DESC');

    if (filters.status) {
      qb.andWhere('order.status = :status', { status: filters.status });
    }
    if (filters.customerId) {
      qb.andWhere('order.customerId = :customerId', { customerId: filters.customerId });
    }
    if (filters.search) {
      const pattern = `%${escapeLike(filters.search)}%`;
      qb.andWhere(
        new Brackets((where) => {
          where.where('order.number ILIKE :pattern', { pattern }).orWhere('customer.email ILIKE :pattern', { pattern });
        }),
      );
    }
    if (filters.from || filters.to) {
      whereInDateRange(qb, 'order.placedAt', dateRangeFrom(filters.from, filters.to));
    }
    return qb;
  }
}

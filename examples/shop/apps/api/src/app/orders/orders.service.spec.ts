import { BadRequestException, ConflictException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken, getRepositoryToken } from '@nestjs/typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { NotificationsQueue } from '../notifications/notifications.queue';
import { ProductEntity } from '../products/product.entity';
import { OrderEntity } from './order.entity';
import { OrdersService } from './orders.service';

function product(fields: Partial<ProductEntity>): ProductEntity {
  return Object.assign(new ProductEntity(), { currency: 'USD', active: true, stock: 10, ...fields });
}

function order(fields: Partial<OrderEntity>): OrderEntity {
  return Object.assign(new OrderEntity(), {
    id: 'o-1',
    number: 'SO-1001',
    customerId: 'c-1',
    customer: Object.assign(new CustomerEntity(), { email: 'ann@shop.test' }),
    status: 'pending',
    totalMinor: 0,
    currency: 'USD',
    lines: [],
    placedAt: new Date('2025-03-01T10:00:00Z'),
    updatedAt: new Date('2025-03-01T10:00:00Z'),
    ...fields,
  });
}

describe('OrdersService', () => {
  const repository = { findOne: jest.fn(), save: jest.fn(async (entity: OrderEntity) => entity) };
  const manager = {
    find: jest.fn(),
    create: jest.fn((_type: unknown, fields: object) => ({ ...fields })),
    save: jest.fn(async (value: unknown) => (Array.isArray(value) ? value : { ...(value as object), id: 'o-new' })),
    query: jest.fn(async () => [{ seq: 1042 }]),
  };
  const dataSource = { transaction: jest.fn((_level: string, work: (m: typeof manager) => unknown) => work(manager)) };
  const notifications = { enqueue: jest.fn() };
  let service: OrdersService;

  beforeEach(async () => {
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [
        OrdersService,
        { provide: getRepositoryToken(OrderEntity), useValue: repository },
        { provide: getDataSourceToken(), useValue: dataSource },
        { provide: NotificationsQueue, useValue: notifications },
      ],
    }).compile();
    service = moduleRef.get(OrdersService);
  });

  describe('create', () => {
    it('snapshots prices, totals the lines and decrements stock', async () => {
      const mug = product({ id: 'p-1', sku: 'MUG', name: 'Mug', priceMinor: 1200, stock: 5 });
      const tee = product({ id: 'p-2', sku: 'TEE', name: 'Tee', priceMinor: 2500, stock: 5 });
      manager.find.mockResolvedValue([mug, tee]);
      repository.findOne.mockResolvedValue(order({ id: 'o-new', totalMinor: 4900 }));

      const created = await service.create({
        customerId: 'c-1',
        lines: [
          { productId: 'p-1', quantity: 2 },
          { productId: 'p-2', quantity: 1 },
        ],
      });

      const savedOrder = manager.create.mock.calls.find(([type]) => type === OrderEntity)?.[1];
      expect(savedOrder).toMatchObject({ number: 'SO-1042', totalMinor: 4900, currency: 'USD', status: 'pending' });
      expect(mug.stock).toBe(3);
      expect(created.total).toEqual({ amountMinor: 4900, currency: 'USD' });
      expect(notifications.enqueue).toHaveBeenCalledWith(expect.objectContaining({ kind: 'order-confirmation' }));
    });

    it('rejects quantities above stock', async () => {
      manager.find.mockResolvedValue([product({ id: 'p-1', sku: 'MUG', stock: 1 })]);
      await expect(
        service.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 2 }] }),
      ).rejects.toBeInstanceOf(ConflictException);
    });

    it('rejects unknown or inactive products', async () => {
      manager.find.mockResolvedValue([]);
      await expect(
        service.create({ customerId: 'c-1', lines: [{ productId: 'nope', quantity: 1 }] }),
      ).rejects.toBeInstanceOf(BadRequestException);
    });
  });

  describe('transitions', () => {
    it('cancels a pending order and notifies the customer', async () => {
      repository.findOne.mockResolvedValue(order({ status: 'pending' }));
      const cancelled = await service.cancel('o-1');
      expect(cancelled.status).toBe('cancelled');
      expect(notifications.enqueue).toHaveBeenCalledWith({
        kind: 'order-cancelled',
        orderId: 'o-1',
        customerEmail: 'ann@shop.test',
      });
    });

    it('refuses to cancel a shipped order', async () => {
      repository.findOne.mockResolvedValue(order({ status: 'shipped' }));
      await expect(service.cancel('o-1')).rejects.toBeInstanceOf(ConflictException);
      expect(notifications.enqueue).not.toHaveBeenCalled();
    });
  });
});

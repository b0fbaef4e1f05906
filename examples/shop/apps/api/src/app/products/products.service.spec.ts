import { ConflictException, NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import { ProductEntity } from './product.entity';
import { ProductsService } from './products.service';

describe('ProductsService', () => {
  const repository = {
    existsBy: jest.fn(),
    create: jest.fn((fields: Partial<ProductEntity>) => Object.assign(new ProductEntity(), fields)),
    save: jest.fn(async (entity: ProductEntity) => Object.assign(entity, { id: 'p-1' })),
    findOneBy: jest.fn(),
    update: jest.fn(),
  };
  let service: ProductsService;

  beforeEach(async () => {
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [ProductsService, { provide: getRepositoryToken(ProductEntity), useValue: repository }],
    }).compile();
    service = moduleRef.get(ProductsService);
  });

  it('creates an active product and returns its wire shape', async () => {
    repository.existsBy.mockResolvedValue(false);
    const product = await service.create({
      sku: 'MUG-001',
      name: 'Mug',
      description: 'Stoneware',
      price: { amountMinor: 1200, currency: 'EUR' },
      stock: 40,
    });
    expect(product).toMatchObject({ id: 'p-1', sku: 'MUG-001', price: { amountMinor: 1200, currency: 'EUR' }, active: true });
  });

  it('rejects duplicate SKUs', async () => {
    repository.existsBy.mockResolvedValue(true);
    await expect(
      service.create({ sku: 'MUG-001', name: 'Mug', description: '', price: { amountMinor: 1, currency: 'EUR' }, stock: 0 }),
    ).rejects.toBeInstanceOf(ConflictException);
  });

  it('404s when deactivating an unknown product', async () => {
    repository.update.mockResolvedValue({ affected: 0 });
    await expect(service.setActive('missing', false)).rejects.toBeInstanceOf(NotFoundException);
  });
});

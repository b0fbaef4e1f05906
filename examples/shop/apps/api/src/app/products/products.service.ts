import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { paginate } from '@shop/api-data-access';
import { CreateProductInput, Page, PageRequest, Product } from '@shop/shared-types';
import { ProductEntity } from './product.entity';

/** Catalogue management: listing, creation, activation. */
@Injectable()
export class ProductsService {
  constructor(@InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>) {}

  /** Lists products by name; inactive ones only when `includeInactive` (dashboard). */
  list(request: Partial<PageRequest>, includeInactive = false): Promise<Page<Product>> {
    const qb = this.products.createQueryBuilder('product').orderBy('product.name', 'ASC');
    if (!includeInactive) {
      qb.andWhere('product.active = true');
    }
    return paginate(qb, request, (entity) => entity.toDto());
  }

  /** Loads one product or throws 404. */
  async get(id: string): Promise<Product> {
    const entity = await this.products.findOneBy({ id });
    if (!entity) {
      throw new NotFoundException(`Product ${id} not found`);
    }
    return entity.toDto();
  }

  /** Creates a product; SKUs are unique. */
  async create(input: CreateProductInput): Promise<Product> {
    if (await this.products.existsBy({ sku: input.sku })) {
      throw new ConflictException(`SKU ${input.sku} already exists`);
    }
    const entity = this.products.create({
      sku: input.sku,
      name: input.name,
      description: input.description,
      priceMinor: input.price.amountMinor,
      currency: input.price.currency,
      stock: input.stock,
      active: true,
    });
    return (await this.products.save(entity)).toDto();
  }

  /** Hides or re-shows a product in the storefront. */
  async setActive(id: string, active: boolean): Promise<Product> {
    const result = await this.products.update({ id }, { active });
    if (!result.affected) {
      throw new NotFoundException(`Product ${id} not found`);
    }
    return this.get(id);
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { paginate } from '@shop/api-data-access';
import { Customer, Page, PageRequest } from '@shop/shared-types';
import { CustomerEntity } from './customer.entity';

/** Read access to customer accounts for the dashboard. */
@Injectable()
export class CustomersService {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /** Lists customers, newest first, optionally filtered by an e-mail prefix. */
  list(request: Partial<PageRequest>, emailPrefix?: string): Promise<Page<Customer>> {
    const qb = this.customers.createQueryBuilder('customer').orderBy('customer.createdAt', 'DESC');
    if (emailPrefix) {
      qb.andWhere('customer.email ILIKE :prefix', { prefix: `${emailPrefix.replace(/[%_]/g, '\\$&')}%` });
    }
    return paginate(qb, request, (entity) => entity.toDto());
  }

  /** Loads one customer or throws 404. */
  async get(id: string): Promise<Customer> {
    const entity = await this.customers.findOneBy({ id });
    if (!entity) {
      throw new NotFoundException(`Customer ${id} not found`);
    }
    return entity.toDto();
  }
}

import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { Customer, Page } from '@shop/shared-types';
import { Roles } from '../auth/roles.decorator';
import { CustomersService } from './customers.service';

/** `/api/customers` — staff-only customer lookup for the dashboard. */
@Controller('customers')
@Roles('staff', 'admin')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  /** `GET /api/customers?email=ann&page=1&pageSize=25` */
  @Get()
  list(
    @Query('page', new ParseIntPipe({ optional: true })) page?: number,
    @Query('pageSize', new ParseIntPipe({ optional: true })) pageSize?: number,
    @Query('email') email?: string,
  ): Promise<Page<Customer>> {
    return this.customers.list({ page, pageSize }, email);
  }

  /** `GET /api/customers/:id` */
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Customer> {
    return this.customers.get(id);
  }
}

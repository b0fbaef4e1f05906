import { Body, Controller, Get, Param, ParseBoolPipe, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Page, Product } from '@shop/shared-types';
import { Public, Roles } from '../auth/roles.decorator';
import { CreateProductDto } from './dto/create-product.dto';
import { ProductsService } from './products.service';

/** `/api/products` — public catalogue reads, admin-only writes. */
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  /** `GET /api/products?page=1&pageSize=25` — active products only. */
  @Get()
  @Public()
  list(
    @Query('page', new ParseIntPipe({ optional: true })) page?: number,
    @Query('pageSize', new ParseIntPipe({ optional: true })) pageSize?: number,
  ): Promise<Page<Product>> {
    return this.products.list({ page, pageSize });
  }

  /** `GET /api/products/:id` */
  @Get(':id')
  @Public()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Product> {
    return this.products.get(id);
  }

  /** `POST /api/products` */
  @Post()
  @Roles('admin')
  create(@Body() dto: CreateProductDto): Promise<Product> {
    return this.products.create(dto);
  }

  /** `PATCH /api/products/:id/active?value=false` */
  @Patch(':id/active')
  @Roles('admin')
  setActive(@Param('id', ParseUUIDPipe) id: string, @Query('value', ParseBoolPipe) value: boolean): Promise<Product> {
    return this.products.setActive(id, value);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Order, Page } from '@shop/shared-types';
import { Roles } from '../auth/roles.decorator';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQueryDto } from './dto/list-orders.query.dto';
import { UpdateOrderStatusDto } from './dto/update-order-status.dto';
import { OrdersService } from './orders.service';

/** `/api/orders` — dashboard order management and checkout. */
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** `GET /api/orders?status=paid&from=2025-01-01&to=2025-02-01&search=SO-10&page=1&pageSize=25` */
  @Get()
  @Roles('staff', 'admin')
  list(@Query() query: ListOrdersQueryDto): Promise<Page<Order>> {
    return this.orders.list(query);
  }

  /** `GET /api/orders/:id` */
  @Get(':id')
  @Roles('staff', 'admin')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Order> {
    return this.orders.get(id);
  }

  /** `POST /api/orders` — checkout. */
  @Post()
  @Roles('customer', 'staff', 'admin')
  create(@Body() dto: CreateOrderDto): Promise<Order> {
    return this.orders.create(dto);
  }

  /** `PATCH /api/orders/:id/status` — fulfilment updates (paid → shipped → delivered). */
  @Patch(':id/status')
  @Roles('staff', 'admin')
  updateStatus(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrderStatusDto): Promise<Order> {
    return this.orders.transition(id, dto.status);
  }

  /** `POST /api/orders/:id/cancel` */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin')
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<Order> {
    return this.orders.cancel(id);
  }
}

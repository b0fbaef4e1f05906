import { ConfigService } from '@nestjs/config';
import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import { ProductEntity } from '../products/product.entity';

/** Every TypeORM entity the API maps. */
export const ENTITIES = [CustomerEntity, ProductEntity, OrderEntity, OrderLineEntity];

/** Postgres connection options from env (`DATABASE_URL`); schema changes go through migrations only. */
export function databaseOptions(config: ConfigService): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: config.getOrThrow<string>('DATABASE_URL'),
    entities: ENTITIES,
    migrations: [__dirname + '/migrations/*.{ts,js}'],
    synchronize: false,
    logging: config.get('DB_LOGGING') === 'true' ? ['query', 'error'] : ['error'],
  };
}

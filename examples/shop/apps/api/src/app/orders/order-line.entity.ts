import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { minorUnitsTransformer } from '@shop/api-data-access';
import { CurrencyCode } from '@shop/shared-types';
import { OrderEntity } from './order.entity';

/** `order_lines` table. SKU, name and unit price are copied from the product at checkout. */
@Entity({ name: 'order_lines' })
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => OrderEntity, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order!: OrderEntity;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ name: 'product_name', type: 'varchar', length: 200 })
  productName!: string;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: minorUnitsTransformer })
  unitPriceMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: CurrencyCode;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { minorUnitsTransformer } from '@shop/api-data-access';
import { CurrencyCode, OrderStatus } from '@shop/shared-types';
import { CustomerEntity } from '../customers/customer.entity';
import { OrderLineEntity } from './order-line.entity';

/** `orders` table. `total_minor` is denormalised from the lines at checkout time. */
@Entity({ name: 'orders' })
@Index(['status', 'placedAt'])
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Customer-facing number, e.g. `SO-10042`, from the `order_number_seq` sequence. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { nullable: false })
  @JoinColumn({ name: 'customer_id' })
  customer!: CustomerEntity;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OrderStatus;

  @Column({ name: 'total_minor', type: 'bigint', transformer: minorUnitsTransformer })
  totalMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: CurrencyCode;

  @OneToMany(() => OrderLineEntity, (line) => line.order, { cascade: ['insert'] })
  lines!: OrderLineEntity[];

  @Index()
  @CreateDateColumn({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { minorUnitsTransformer } from '@shop/api-data-access';
import { CurrencyCode, Product } from '@shop/shared-types';

/** `products` table: the catalogue. Prices are integer minor units plus a currency code. */
@Entity({ name: 'products' })
@Check('"stock" >= 0')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'price_minor', type: 'bigint', transformer: minorUnitsTransformer })
  priceMinor!: number;

  @Column({ type: 'char', length: 3 })
  currency!: CurrencyCode;

  @Column({ type: 'int', default: 0 })
  stock!: number;

  @Column({ default: true })
  active!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Maps the row to its wire shape. */
  toDto(): Product {
    return {
      id: this.id,
      sku: this.sku,
      name: this.name,
      description: this.description,
      price: { amountMinor: this.priceMinor, currency: this.currency },
      stock: this.stock,
      active: this.active,
    };
  }
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from '@shop/shared-types';

/** `customers` table: shopper accounts. Credentials live in the identity provider, not here. */
@Entity({ name: 'customers' })
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'citext' })
  email!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Maps the row to its wire shape. */
  toDto(): Customer {
    return { id: this.id, email: this.email, fullName: this.fullName, createdAt: this.createdAt.toISOString() };
  }
}

import { Money } from './money';

/** A sellable catalogue item. */
export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string;
  price: Money;
  stock: number;
  active: boolean;
}

/** Payload for creating a product from the dashboard. */
export type CreateProductInput = Omit<Product, 'id' | 'active'>;

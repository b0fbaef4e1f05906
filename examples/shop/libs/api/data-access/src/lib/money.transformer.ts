import { ValueTransformer } from 'typeorm';

/**
 * Stores integer minor units in a `bigint` column. Postgres returns bigints as strings,
 * so this converts back to `number` on read.
 */
export const minorUnitsTransformer: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DateRange } from '@shop/shared-util';

/**
 * Restricts `qb` to rows whose `column` (e.g. `order.placedAt`) falls in `range`
 * (`from` inclusive, `to` exclusive). Uses bound parameters, never string interpolation of values.
 */
export function whereInDateRange<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  range: DateRange,
): SelectQueryBuilder<E> {
  return qb
    .andWhere(`${column} >= :rangeFrom`, { rangeFrom: range.from })
    .andWhere(`${column} < :rangeTo`, { rangeTo: range.to });
}

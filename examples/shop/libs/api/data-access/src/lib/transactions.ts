import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` inside a transaction and commits only if it resolves.
 * Thin wrapper so services don't depend on DataSource details.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}

import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './database.options';

/** DataSource used by the TypeORM CLI (`nx run api:migration:run`). */
export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: ENTITIES,
  migrations: [__dirname + '/migrations/*.{ts,js}'],
});

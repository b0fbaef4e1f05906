import type { ProjectFact, StackCategory, StackItem } from './types';

/** Known packages and executors → what they say about the stack. Order is display order within a category. */
const KNOWN: Array<[RegExp, string, StackCategory]> = [
  [/^typescript$/, 'TypeScript', 'language'],
  [/^@nestjs\/core$|^@nx\/nest/, 'NestJS', 'framework'],
  [/^express$/, 'Express', 'framework'],
  [/^fastify$/, 'Fastify', 'framework'],
  [/^koa$/, 'Koa', 'framework'],
  [/^hono$/, 'Hono', 'framework'],
  [/^next$|^@nx\/next/, 'Next.js', 'framework'],
  [/^@remix-run\/|^@nx\/remix/, 'Remix', 'framework'],
  [/^@angular\/core$|^@nx\/angular|^@angular-devkit\/build-angular/, 'Angular', 'framework'],
  [/^react$|^@nx\/react/, 'React', 'ui'],
  [/^vue$|^@nx\/vue/, 'Vue', 'ui'],
  [/^svelte$/, 'Svelte', 'ui'],
  [/^solid-js$/, 'Solid', 'ui'],
  [/^@stencil\/core$/, 'Stencil', 'ui'],
  [/^@ionic\//, 'Ionic', 'ui'],
  [/^@capacitor\/core$/, 'Capacitor', 'ui'],
  [/^react-native$/, 'React Native', 'ui'],
  [/^@ngrx\/store$/, 'NgRx', 'framework'],
  [/^@tanstack\/react-query$/, 'TanStack Query', 'api'],
  [/^@apollo\/|^graphql$/, 'GraphQL', 'api'],
  [/^@trpc\//, 'tRPC', 'api'],
  [/^pg$|^postgres$/, 'PostgreSQL', 'database'],
  [/^mysql2?$/, 'MySQL', 'database'],
  [/^mongodb$|^mongoose$/, 'MongoDB', 'database'],
  [/^sqlite3$|^better-sqlite3$/, 'SQLite', 'database'],
  [/^typeorm$|^@nestjs\/typeorm$/, 'TypeORM', 'orm'],
  [/^@prisma\/client$|^prisma$/, 'Prisma', 'orm'],
  [/^drizzle-orm$/, 'Drizzle', 'orm'],
  [/^@mikro-orm\/core$/, 'MikroORM', 'orm'],
  [/^sequelize$/, 'Sequelize', 'orm'],
  [/^ioredis$|^redis$/, 'Redis', 'cache'],
  [/^bullmq$|^bull$/, 'BullMQ', 'queue'],
  [/^amqplib$/, 'RabbitMQ', 'queue'],
  [/^kafkajs$/, 'Kafka', 'queue'],
  [/^zod$/, 'Zod', 'validation'],
  [/^class-validator$/, 'class-validator', 'validation'],
  [/^jest$|^@nx\/jest/, 'Jest', 'test'],
  [/^vitest$/, 'Vitest', 'test'],
  [/^@playwright\/test$|^@nx\/playwright/, 'Playwright', 'test'],
  [/^cypress$|^@nx\/cypress/, 'Cypress', 'test'],
  [/^vite$|^@nx\/vite/, 'Vite', 'build'],
  [/^webpack$|^@nx\/webpack/, 'webpack', 'build'],
  [/^esbuild$|^@nx\/esbuild/, 'esbuild', 'build'],
  [/^@nx\/rollup|^rollup$/, 'Rollup', 'build'],
];

const COMMAND_HINTS: Array<[RegExp, string]> = [
  [/\bjest\b/, 'jest'],
  [/\bvitest\b/, 'vitest'],
  [/\bplaywright\b/, '@playwright/test'],
  [/\bcypress\b/, 'cypress'],
  [/\bvite\b/, 'vite'],
  [/\bnest\b/, '@nestjs/core'],
  [/\bnext\b/, 'next'],
];

export interface PackageJsonLike {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Detects the stack from package.json dependencies and from what the projects' targets run. */
export function detectStack(packageJsons: Array<{ path: string; json: PackageJsonLike }>, projects: ProjectFact[]): StackItem[] {
  const found = new Map<string, StackItem>();
  const note = (packageName: string, evidence: string) => {
    const known = KNOWN.find(([pattern]) => pattern.test(packageName));
    if (known && !found.has(known[1])) found.set(known[1], { name: known[1], category: known[2], evidence });
  };
  for (const { path, json } of packageJsons) {
    for (const deps of [json.dependencies, json.devDependencies, json.peerDependencies]) {
      for (const name of Object.keys(deps ?? {}).sort()) note(name, `${path}: ${name}`);
    }
  }
  for (const project of projects) {
    for (const target of project.targets) {
      note(target.executor, `${project.name}:${target.name} runs ${target.executor}`);
      for (const [pattern, packageName] of COMMAND_HINTS) {
        if (target.command && pattern.test(target.command)) note(packageName, `${project.name}:${target.name} runs \`${target.command}\``);
      }
    }
  }
  const order = KNOWN.map(([, name]) => name);
  return [...found.values()].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

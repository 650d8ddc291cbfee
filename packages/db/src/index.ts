export * from './entities.js';
export * from './datasources.js';
export * from './migrate.js';
export * from './roles.js';
export * from './rls.js';
export { controlMigrations } from './migrations/control.js';
export { regionMigrations } from './migrations/region.js';
export * from './audit.js';

export * from './api.js';
export * from './app.js';
export * from './platform.js';
export * from './problem.js';
export * from './logger.js';
export * from './seed.js';
export * from './jobs.js';
export { TenantService, type CreateTenantInput } from './modules/tenants/service.js';
export { RegionService } from './modules/regions/service.js';

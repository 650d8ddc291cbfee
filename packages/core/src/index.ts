export * from './errors.js';
export * from './ids.js';
export * from './ajv.js';
export * from './config.js';
export * from './wilayah.js';
export * from './tenant.js';
export * from './calendar.js';

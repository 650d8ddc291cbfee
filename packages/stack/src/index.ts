export * from './postgres.js';
export * from './s3.js';
export * from './ports.js';
export * from './infrastructure.js';

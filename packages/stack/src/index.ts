export * from './postgres.js';
export * from './s3.js';
export * from './ports.js';
export * from './infrastructure.js';
export * from './secrets.js';
export * from './sigv4.js';

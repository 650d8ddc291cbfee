export * from './formats.js';
export * from './validators.js';

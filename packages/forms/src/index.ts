export * from './formats.js';
export * from './validators.js';
export * from './messages.js';
export * from './nik.js';

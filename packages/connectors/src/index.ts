export * from './types.js';
export * from './whatsapp.js';
export * from './sms.js';
export * from './email.js';
export * from './phone.js';
export * from './oss.js';
export * from './lapor.js';
export * from './payments.js';

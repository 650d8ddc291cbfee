// Protocol stand-ins for the outside providers (test kit only: never imported by product code).
export * from './whatsapp.js';
export * from './sms.js';
export * from './smtp.js';
export * from './oss.js';
export * from './lapor.js';
export * from './payments.js';

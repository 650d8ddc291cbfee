export * from './identity.js';
export * from './realm.js';
export * from './issuer.js';
export * from './guard.js';
export { loadOrCreateSecrets } from './keys.js';
export * from './probe.js';
export * from './brute-force.js';

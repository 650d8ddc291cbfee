// Moved to the signed events module (modules/events/target.ts), which owns outbound delivery; re-exported for old imports.
export { addressAllowed, bareHost, hostRefusal, postTo, resolveTarget, systemResolver, TARGET_FAILURE, urlRefusal, type CheckedTarget, type Resolver, type TargetPolicy } from '../events/target.js';

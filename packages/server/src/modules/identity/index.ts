import type { Module } from '../../kernel.js';
import { identityRoutes } from './routes.js';

/** The caller as the API sees them (`/api/v1/me`). */
export function identityModule(): Module {
  return { name: 'identity', routes: identityRoutes };
}

#!/usr/bin/env node
// The platform runs its TypeScript sources through tsx (esbuild): no build step between a clone and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

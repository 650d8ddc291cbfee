// Entry of the lint thread (lint-pool.ts): the platform runs its TypeScript through tsx, which a worker
// thread does not inherit, so the thread registers tsx first and then loads lint-thread.ts.
import { register } from 'tsx/esm/api';

register();
const { default: lint } = await import('./lint-thread.ts');
export default lint;

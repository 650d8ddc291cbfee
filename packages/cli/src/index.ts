export { openContext, withContext, type CliContext } from './context.js';

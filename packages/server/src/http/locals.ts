import type { Logger } from 'pino';
import type { Identity } from '@satupintu/auth';
import type { SqlStats } from '@satupintu/db';

// What the middleware chain leaves on a request or response for the next step: typed once, here.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The verified caller (auth guard). */
      identity?: Identity;
      /** On a public route: the subject of a verified bearer token, for its budgets only (routes.ts budgetCaller). */
      budgetSubject?: string;
      /** The route template (metrics and log label). */
      route?: string;
      /** The operation the route table matched (contract tests, metrics). */
      operationId?: string;
      /** The slug of a tenant that exists (metrics label). */
      tenant?: string;
      /** Statements and transactions of the request. */
      sql?: SqlStats;
    }
  }
}

declare module 'http' {
  interface IncomingMessage {
    /** The request id (requestLogger). */
    id?: string;
    /** The request's logger, carrying its id (requestLogger). */
    log?: Logger;
  }
}

export {};

import express from 'express';
import { pino } from 'pino';
import { EventBus } from '@satupintu/db';
import { PLATFORM_VERSION, loadConfig, systemClock } from '@satupintu/core';
import { compose } from '../composition.js';
import type { DomainEvents, Kernel, Module } from '../kernel.js';
import { buildOpenApi, type OpenApiDocument } from './openapi.js';
import { problemRoutes } from './problem-routes.js';
import { RouteTable } from './routes.js';

/** Every route of the API, in the document's order: the modules' in composition order, then the problem catalog. */
export function registerRoutes(routes: RouteTable, modules: readonly Module[]): void {
  for (const m of modules) m.routes?.(routes);
  problemRoutes(routes);
}

/** A part of the kernel the document never touches: using it is a bug, and says so. */
function inert(name: string, known: Record<string, unknown> = {}): never {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'then') return undefined;
        if (typeof prop === 'string' && prop in known) return known[prop];
        return () => {
          throw new Error(`the API document is built without ${name} (${String(prop)} was called)`);
        };
      },
    },
  ) as never;
}

/**
 * The API document as the code declares it, without a database, an object store or an issuer:
 * the modules are composed over inert connections (building routes never uses them) and the
 * document is rendered for the default deployment (relative server and issuer URLs). This is
 * what `npm run api:doc` writes to docs/openapi.json and what CI compares with it.
 */
export function apiDocument(): OpenApiDocument {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const kernel: Kernel = {
    config,
    logger: pino({ level: 'silent' }),
    clock: systemClock,
    dbs: inert('databases', { regionIds: () => config.regions.map((r) => r.id) }),
    uow: inert('a unit of work'),
    control: inert('the control plane'),
    store: inert('the object store'),
    jobs: inert('job queues'),
    events: new EventBus<DomainEvents>(),
    onChange: () => undefined,
  };
  const { modules } = compose(kernel);
  const routes = new RouteTable({ router: express.Router(), guards: () => [], tenant: inert('the tenant directory') });
  registerRoutes(routes, modules);
  return buildOpenApi(routes.routes, { version: PLATFORM_VERSION, servers: [{ url: '/', description: 'Server ini / this server' }], issuer: `/realms/${config.keycloak.realm}` });
}

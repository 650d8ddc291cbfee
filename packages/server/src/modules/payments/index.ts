import type { Kernel, Module } from '../../kernel.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import type { ActionService, ApplicationService } from '../applications/index.js';
import type { InstallationService } from '../installations/index.js';
import type { TenantService } from '../tenants/index.js';
import { paymentRoutes } from './routes.js';
import { PaymentService } from './service.js';

export { PaymentService, paymentProven, PAYMENT_ACTION, EXPIRE_JOB as PAYMENT_EXPIRE_JOB, RECONCILE_JOB as PAYMENT_RECONCILE_JOB } from './service.js';
export { paymentNotProven } from './errors.js';

export interface PaymentsModule extends Module {
  service: PaymentService;
}

/** Issue 24, payments (docs/payments.md, ADR 0040): assess, route, record, reconcile — never hold money. */
export function paymentsModule(k: Kernel, deps: { tenants: TenantService; installations: InstallationService; applications: ApplicationService; actions: () => ActionService; keyring?: DataKeyring }): PaymentsModule {
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  const service = new PaymentService({ env: k.config.env, uow: k.uow, keyring, tenants: deps.tenants, installations: deps.installations, applications: deps.applications, actions: deps.actions });
  return { name: 'payments', service, routes: (api) => paymentRoutes(api, service), jobs: service.jobs() };
}

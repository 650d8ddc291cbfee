import type { Kernel, Module } from '../../kernel.js';
import type { PluginRegistry } from '../plugins/index.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import { verificationPages } from './pages.js';
import { signatureRoutes } from './routes.js';
import { SignatureService } from './service.js';

export { SignatureService, newVerifyCode, type AgencySigner } from './service.js';
export { signPdf, inspectSigningKey, TEST_CA_MARK, SigningKeyError, type SigningIdentity } from './pades.js';

export interface SignaturesModule extends Module {
  service: SignatureService;
}

/** Part "fees" (issue 23): PAdES signing keys per agency and tenant, and the public verification of issued documents. */
export function signaturesModule(k: Kernel, deps: { registry: PluginRegistry; keyring?: DataKeyring }): SignaturesModule {
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  const service = new SignatureService({ uow: k.uow, config: k.config, keyring, registry: deps.registry });
  return { name: 'signatures', service, routes: (api) => signatureRoutes(api, service), pages: verificationPages({ signatures: service, clock: k.clock, log: k.logger }) };
}

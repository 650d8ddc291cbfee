import type { Kernel, Module } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';
import { purgeJob } from './retention.js';
import { privacyRoutes } from './routes.js';
import { PrivacyService } from './service.js';

export {
  applicationRead,
  complaintRead,
  nikDigest,
  recordComplaintRead,
  recordPersonalDataAccess,
  type AccessPurpose,
  type AccessRecordType,
  type PersonalDataAccess,
  type ReaderCtx,
} from './access-log.js';
export { PRIVACY_PURGE_JOB, RETENTION_SCHEDULE, type PurgeReport } from './retention.js';
export { PrivacyService } from './service.js';

/**
 * Accountability for personal data (UU 27/2022, docs/privacy.md). Other modules record a staff
 * read of a person's data through `recordPersonalDataAccess` inside their read (same unit of work);
 * this module answers the log (tenant admin, the person), the person's export, and runs the
 * retention purge.
 */
export function privacyModule(k: Kernel, ports: { tenants: TenantService }): Module & { service: PrivacyService } {
  const service = new PrivacyService(k.uow);
  return {
    name: 'privacy',
    service,
    routes: (api) => privacyRoutes(api, service),
    jobs: [purgeJob({ uow: k.uow, store: k.store, tenants: ports.tenants })],
  };
}

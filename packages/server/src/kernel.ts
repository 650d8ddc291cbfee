import type { Logger } from 'pino';
import type { Clock, SatupintuConfig } from '@satupintu/core';
import type { Databases, EventBus, HeardChange, Sql, UnitOfWork } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { JobSpec, JobSender } from './jobs/spec.js';
import type { RouteTable } from './http/routes.js';
import type { PageRenderer } from './http/web.js';

/**
 * Domain events raised inside a unit of work; handlers run in the same transaction (so what they
 * write commits with the change or not at all). A module raises its own events; others subscribe
 * in the composition root, which keeps modules free of references to each other.
 */
export interface DomainEvents {
  /** An application reached a terminal state with outcome `completed`. */
  'application.completed': {
    applicationId: string;
    trackingCode: string;
    pluginId: string;
    serviceCode: string;
    agencyCode: string;
    applicantSub: string | null;
  };
  /** An application was submitted (online, assisted or at the counter): it entered its SOP's first step. */
  'application.submitted': ApplicationMoment & { dueAt: Date | null; channel: string };
  /** An SOP action moved a submitted application to another state (or the same one, with a comment). */
  'application.moved': ApplicationMoment & { from: string; to: string; action: string; status: string; comment: string | null };
  /** A session was booked (online or a walk-in) or a booking cancelled (by the citizen, or with its session by the agency). */
  'appointment.booked': AppointmentMoment;
  'appointment.cancelled': AppointmentMoment & { by: 'citizen' | 'agency' };
  /** A message could not reach a person on any channel they consented to. */
  'notification.failed': { tenant: string; notification: string; event: string; channel: string; reason: string };
}

/** What an appointment event carries: ids, codes and the local date. */
export interface AppointmentMoment {
  tenant: string;
  booking: string;
  service: string;
  agency: string;
  date: string;
}

/** What every application event carries: ids and codes, never the form's personal data. */
export interface ApplicationMoment {
  /** The tenant's slug. */
  tenant: string;
  applicationId: string;
  trackingCode: string;
  pluginId: string;
  pluginVersion: string;
  serviceCode: string;
  agencyCode: string;
  applicantSub: string | null;
}

/** What every module is built from: configuration, connections, the unit of work, the clock. */
export interface Kernel {
  readonly config: SatupintuConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly dbs: Databases;
  readonly uow: UnitOfWork;
  /** The control plane outside a transaction (directory and registry reads). */
  readonly control: Sql;
  readonly store: ObjectStore;
  readonly jobs: JobSender;
  readonly events: EventBus<DomainEvents>;
  /** Registers a cache's invalidation: called for every change heard on the feed (and `everything` after a reconnect). */
  onChange(listener: (change: HeardChange) => void): void;
}

/** A domain module as the composition root sees it: its routes and its jobs. */
export interface Module {
  readonly name: string;
  routes?(api: RouteTable): void;
  /** Public pages this module renders as HTML (http/web.ts): tried before the web app's shell. */
  readonly pages?: PageRenderer;
  readonly jobs?: readonly JobSpec[];
}

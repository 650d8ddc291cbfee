/** Text in Bahasa Indonesia and English, as the API returns it. */
export interface Localized {
  id: string;
  en: string;
}

export interface Tenant {
  id: string;
  slug: string;
  code: string;
  name: string;
  provinceName: string;
  timeZone: string;
  homeRegion: string;
  mppStatus: string;
  population?: number;
}

export interface StandardComponent {
  number: number;
  key: string;
  name: Localized;
  text: Localized[];
}

export interface Agency {
  code: string;
  name: Localized;
  kind: string;
}

export interface ServiceSummary {
  id: string;
  plugin: string;
  version: string;
  code: string;
  name: Localized;
  summary: Localized;
  category: string;
  channels: string[];
  keywords: string[];
  agency: Agency;
  appointmentRequired: boolean;
  standard: StandardComponent[];
  counter?: { name?: string; number?: string } | null;
}

export interface DocumentRequirement {
  code: string;
  name: Localized;
  accept: string[];
  minCount: number;
  maxCount: number;
  maxSizeMb: number;
  requiredWhen?: Record<string, unknown>;
  fromService?: { plugin: string; service: string; output: string; maxAgeDays?: number };
}

export interface FormUi {
  order: string[];
  labels: Record<string, Localized>;
  help?: Record<string, Localized>;
  widgets?: Record<string, string>;
}

export interface ServiceDetail extends ServiceSummary {
  contentHash: string;
  standardComplete: boolean;
  documents: DocumentRequirement[];
  form: { schema: Record<string, unknown>; ui: FormUi };
  sla: { unit: string; value: number };
  fee: { kind: string; amount?: number; locked?: boolean; legalBasis?: string };
  outputs: { code: string; kind: string; name: Localized }[];
}

export interface StateRef {
  code: string;
  name: Localized;
}

export interface ApplicationDoc {
  id: string;
  code: string;
  filename: string | null;
  mediaType: string;
  size: number;
  source: string;
  createdAt?: string;
}

export interface Application {
  id: string;
  trackingCode: string;
  service: { id: string; name: Localized; plugin: string; version: string; agency: Agency };
  channel: string;
  status: 'draft' | 'submitted' | 'completed' | 'rejected' | 'withdrawn';
  state: StateRef;
  applicant: { name: string };
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  completedAt: string | null;
  sla: { dueAt: string | null; dueDate: string | null; stepDueAt: string | null; stepDueDate: string | null; overdue: boolean };
  claimedBy: string | null;
  availableActions: { code: string; name: Localized; comment: 'optional' | 'required' | 'none' }[];
  timeline: { at: string; action: string; actor: { name: string; role: string }; from: StateRef | null; to: StateRef; comment: string | null }[];
  documents: ApplicationDoc[];
  outputs: { code: string; name: Localized; kind: string; downloadable: boolean; issuedAt: string; validUntil: string | null }[];
}

export interface ApplicationListItem {
  id: string;
  trackingCode: string;
  service: string;
  channel: string;
  status: string;
  state: string;
  createdAt: string;
  submittedAt: string | null;
}

export interface QueueItem {
  id: string;
  trackingCode: string;
  service: { id: string; name: Localized };
  channel: string;
  state: StateRef;
  applicantName: string;
  submittedAt: string;
  dueDate: string;
  stepDueAt: string | null;
  stepDueDate: string | null;
  overdue: boolean;
  dueToday: boolean;
  claimedBy: string | null;
}

export type Membership =
  | { role: 'officer'; tenant: string; agency: string }
  | { role: 'tenant-admin'; tenant: string }
  | { role: 'village-operator'; tenant: string }
  | { role: 'agency-publisher'; agency: string }
  | { role: 'ministry-analyst' | 'platform-admin' };

export interface Me {
  subject: string;
  username: string;
  name?: string;
  roles: string[];
  memberships: Membership[];
}

export interface SessionSlot {
  id: string;
  service: string;
  date: string;
  start: string;
  end: string;
  capacity: number;
  onlineSeatsLeft: number;
  status: string;
}

export interface Booking {
  id: string;
  status: string;
  service: string;
  date: string;
  start: string;
  queueNumber?: number | null;
  counter?: string | null;
}

export interface PluginEntry {
  id: string;
  agency: Agency;
  versions: { version: string; contentHash: string; publishedAt: string; services: number }[];
  latest: string;
}

export interface Installation {
  plugin: string;
  version: string;
  contentHash: string;
  installedAt: string;
  updatedAt: string;
  installedBy: string;
  overlays: Record<string, unknown>;
}

export interface FieldProblem {
  pointer: string;
  message: Localized;
}

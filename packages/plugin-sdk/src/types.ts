/**
 * TypeScript view of the plugin manifest (schema/plugin.schema.json is the contract; these types
 * mirror it). Agencies author JSON; the platform reads these types.
 */
export interface LocalizedText {
  id: string;
  en: string;
}

export interface AgencyPlugin {
  id: string;
  version: string;
  /** Semver range of platform versions. */
  host: string;
  agency: Agency;
  services: ServiceDefinition[];
}

export interface Agency {
  code: string;
  name: LocalizedText;
  kind: 'vertical' | 'regional';
  parent?: LocalizedText;
  website?: string;
}

export type Channel = 'online' | 'assisted' | 'counter';
export type OverlayField = 'counter' | 'contact' | 'openingHours' | 'schedule' | 'fee' | 'facilities' | 'staffing' | 'competency' | 'supervision';

export interface ServiceDefinition {
  code: string;
  name: LocalizedText;
  summary: LocalizedText;
  category: 'perizinan' | 'non-perizinan';
  keywords?: string[];
  channels: Channel[];
  form: { schema: Record<string, unknown>; ui: FormUi; identity?: FormIdentity };
  documents: DocumentRequirement[];
  sop: SopDefinition;
  sla: Duration;
  fee: Fee;
  outputs: ServiceOutput[];
  standard: ServiceStandard;
  schedule?: Schedule;
  overlayable: OverlayField[];
  // --- Issue 24 (oss): OSS-RBA mapping (docs/oss.md, ADR 0039) ---
  oss?: OssServiceMapping;
}

// --- Issue 24 (oss): OSS-RBA mapping of a service (docs/oss.md, ADR 0039) ---
/**
 * How a service meets OSS-RBA: which form fields an NIB lookup (`inqueryNIB`) fills and from which
 * `dataNIB` field (a dot path: `nama_perseroan`, `penanggung_jwb.0.nama_penanggung_jwb`; `proyek.`
 * is the business's project chosen for the application), and the permit status (PIA Lampiran 10
 * `kd_status`) pushed to OSS when the SOP enters a state. `pause`/`resume` are pushed when the SOP
 * starts and stops waiting on the applicant (a state whose actor is the citizen: the SLA clock stops).
 */
export interface OssServiceMapping {
  /** Kode izin (PIA Lampiran 8) of the permit this service processes: picks its `data_checklist` item (id_izin). */
  kdIzin?: string;
  /** The form field holding the NIB. */
  nibField: string;
  prefill: Record<string, string>;
  status: Record<string, string>;
  pause: string;
  resume: string;
}
// --- end issue 24 (oss) ---

/** Which fields carry the applicant's NIK and what it is checked against (packages/forms nik.ts). */
export interface FormIdentity {
  nik: string;
  birthDate?: string;
  sex?: string;
  sexValues?: { male: string; female: string };
  domicile?: string;
  onMismatch?: 'warn' | 'block';
}

export interface FormUi {
  order: string[];
  labels: Record<string, LocalizedText>;
  help?: Record<string, LocalizedText>;
  widgets?: Record<string, string>;
}

export interface DocumentRequirement {
  code: string;
  name: LocalizedText;
  accept: ('application/pdf' | 'image/jpeg' | 'image/png')[];
  maxSizeMb: number;
  minCount: number;
  maxCount: number;
  requiredWhen?: Record<string, unknown>;
  fromService?: { plugin: string; service: string; output: string; maxAgeDays: number };
}

export interface Duration {
  value: number;
  unit: 'minutes' | 'hours' | 'working-days';
}

export type SopRole = 'citizen' | 'officer' | 'village-operator' | 'tenant-admin';

export interface SopDefinition {
  initial: string;
  states: Record<string, SopState>;
  actions: SopAction[];
  cutiBersamaIsWorkingDay?: boolean;
}

export interface SopState {
  name: LocalizedText;
  terminal?: boolean;
  outcome?: 'completed' | 'rejected' | 'withdrawn';
  sla?: Duration;
  actor?: SopRole | 'system';
  /** A message to the applicant on entering this state; placeholders from SOP_NOTIFY_FIELDS only. */
  notify?: LocalizedText;
}

/** The placeholders a state's `notify` text may use: `((trackingCode))`, `((service))`, `((state))`. */
export const SOP_NOTIFY_FIELDS = ['trackingCode', 'service', 'state'] as const;

export interface SopAction {
  code: string;
  name: LocalizedText;
  from: string[];
  to: string;
  roles: SopRole[];
  guard?: Record<string, unknown>;
  comment?: 'required' | 'optional' | 'none';
  issues?: string[];
}

export interface Fee {
  kind: 'free' | 'fixed' | 'table' | 'formula';
  amount?: number;
  items?: { code: string; name: LocalizedText; amount: number }[];
  formula?: { ref: string; text: LocalizedText };
  legalBasis: string;
  locked: boolean;
  note?: LocalizedText;
}

export interface ServiceOutput {
  code: string;
  name: LocalizedText;
  kind: 'document' | 'physical' | 'external';
  validityDays?: number;
  signature?: 'tte' | 'wet' | 'none';
}

export type TextComponent = { text: LocalizedText[]; tenantProvided?: undefined } | { tenantProvided: true; text?: LocalizedText[] };

export interface ServiceStandard {
  complaints: TextComponent;
  legalBasis: TextComponent;
  facilities: TextComponent;
  competency: TextComponent;
  supervision: TextComponent;
  staffing: TextComponent;
  serviceGuarantee: TextComponent;
  safetyGuarantee: TextComponent;
  performanceEvaluation: TextComponent;
}

export interface Schedule {
  appointmentRequired: boolean;
  sessions: { days: Weekday[]; start: string; end: string; capacity: number }[];
  onlineShare?: number;
}
export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/** What a regency sets for one installed service (only keys the service lists as overlayable). */
export interface ServiceOverlay {
  counter?: { name: string; number?: string; floor?: string };
  contact?: { phone?: string; email?: string; note?: LocalizedText };
  openingHours?: { days: Weekday[]; open: string; close: string }[];
  schedule?: Schedule;
  fee?: Fee;
  facilities?: TextComponent;
  staffing?: TextComponent;
  competency?: TextComponent;
  supervision?: TextComponent;
}

/** One problem found in a plugin: where (file and JSON pointer in it) and what, in both languages. */
export interface LintIssue {
  file: string;
  pointer: string;
  message: LocalizedText;
}

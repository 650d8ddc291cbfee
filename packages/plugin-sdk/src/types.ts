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
  fromService?: { plugin: string; service: string; output: string; maxAgeDays: number; prefill?: Record<string, string> };
  validity?: DocumentValidity;
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
  // --- issue 23, part "sla": when the service clock starts -------------------------------------
  /** When the service's SLA (jangka waktu penyelesaian) starts; absent: at submission. */
  sla?: SopSla;
}

// --- issue 23, part "sla" ---------------------------------------------------------------------
/**
 * The event that starts the service clock (UU 25/2009; PermenPANRB 15/2014: jangka waktu
 * penyelesaian counts from complete requirements): the first taking of an action, or the first
 * entering of a state. Until then the citizen reads "waktu layanan dimulai setelah <event>".
 */
export interface SopSla {
  startsOn: { action: string; state?: never } | { state: string; action?: never };
  event: LocalizedText;
}
// --- end issue 23 "sla" -------------------------------------------------------------------------

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
  // --- Part "fees" (issue 23): the computable fee rule (fees.ts quoteFee evaluates it). ---
  /** Always rupiah. */
  currency?: 'IDR';
  /** How the quoted total is rounded; locked with the base when `locked`. */
  rounding?: { to: number; mode: 'up' | 'down' | 'nearest' };
  /** Charges evaluated on the answers and the tenant's date; each locked (national) or overlayable (regional). */
  charges?: FeeCharge[];
}

/** Part "fees" (issue 23): one charge of a fee rule. */
export interface FeeCharge {
  code: string;
  name: LocalizedText;
  /** Base rupiah (0 when absent). */
  amount?: number;
  /** Applies only when the form field (JSON pointer) equals a value / is one of the values. */
  when?: { field: string; equals?: string | number | boolean; in?: (string | number | boolean)[] };
  /** Adds the amount of the highest tier whose `moreThan` the days since the date field exceed. */
  afterDays?: { from: string; tiers: { moreThan: number; amount: number }[] };
  legalBasis: string;
  locked: boolean;
}

export interface ServiceOutput {
  code: string;
  name: LocalizedText;
  kind: 'document' | 'physical' | 'external';
  validityDays?: number;
  signature?: 'tte' | 'wet' | 'none';
  data?: OutputData;
}

// ---- Documents and identity (issue 23, part "docs"): validity rules, officer data, journey pre-fill ----

/** A JSON pointer into the form data (`/tglSktlk`). */
export type FieldPointer = string;

/**
 * When a document is acceptable, enforced on every path it enters an application: uploaded (the
 * citizen states its number and date of issue in form fields), carried by a journey (the issuing
 * application's output and its recorded data), or filed by an officer at the counter.
 */
export interface DocumentValidity {
  /** Oldest acceptable, from its date of issue (calendar days or months, in the tenant's time zone). */
  maxAge?: { value: number; unit: 'days' | 'months' };
  /** Who may have issued it: agency codes (a journey's issuing agency, or the value of `fields.issuer`). */
  issuer?: { accept: string[]; name: LocalizedText };
  /** Form fields holding what the citizen (or officer) states of the document. */
  fields?: { number?: FieldPointer; issuedOn?: FieldPointer; issuer?: FieldPointer };
  /** Which of `fields` must be filled whenever the document is attached. */
  required?: ('number' | 'issuedOn' | 'issuer')[];
}

/**
 * Structured data an officer records about an output when the SOP action issues it (a loss
 * report's number and date, an NIB and its risk level): a JSON Schema (object), validated by ajv.
 * `number` / `issuedOn` name the fields that are the document's number and date of issue: left
 * out by the officer, they take the platform's own number and today's date.
 */
export interface OutputData {
  schema: Record<string, unknown>;
  labels?: Record<string, LocalizedText>;
  number?: FieldPointer;
  issuedOn?: FieldPointer;
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

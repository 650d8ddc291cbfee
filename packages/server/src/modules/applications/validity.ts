import { localDate, type FieldError, type LocalizedText } from '@satupintu/core';
import { valueAt } from '@satupintu/forms';
import type { DocumentRequirement, DocumentValidity, ServiceOutput } from '@satupintu/plugin-sdk';

/**
 * Documents and identity (issue 23): one rule set for a document type's validity — maximum age,
 * issuing agency, required fields — whatever path the document takes into an application:
 * uploaded (the citizen, or the officer at the counter, states its number and date of issue in the
 * form fields the plugin names), or carried by a journey from another application's output (its
 * issuing agency and date come from that application, not from what anyone types). Pure: the
 * callers (documents.ts, service.ts, actions.ts) gather the evidence and the day it is judged on.
 */

/** What is known of one attached document. */
export interface DocumentEvidence {
  source: 'upload' | 'journey';
  number?: unknown;
  /** Date of issue, `YYYY-MM-DD`. */
  issuedOn?: unknown;
  /** Issuing agency code. */
  issuer?: unknown;
}

/** A journey's source output, as the rule set needs it. */
export interface CarriedOutput {
  agencyCode: string;
  issuedAt: Date;
  data: Record<string, unknown> | null;
  trackingCode: string;
  outputCode: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** `iso` plus `months` calendar months (the last day of a shorter month when the day does not exist). */
function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The form pointer of a stated field, as the API answers it (`/data/tglSktlk`), else the document. */
const at = (doc: DocumentRequirement, field: keyof NonNullable<DocumentValidity['fields']>, source: DocumentEvidence['source']) => {
  const p = doc.validity?.fields?.[field];
  return source === 'upload' && p ? `/data${p}` : `/documents/${doc.code}`;
};

/**
 * Where one document breaks its type's validity rules on `today` (the tenant's date), each with a
 * plain-language reason. `partial`: only what is stated is judged (an upload before the form holds
 * every field); otherwise a required field left empty is a reason too.
 */
export function validityProblems(doc: DocumentRequirement, ev: DocumentEvidence, today: string, partial = false): FieldError[] {
  const v = doc.validity;
  const out: FieldError[] = [];
  const push = (pointer: string, message: LocalizedText) => out.push({ pointer, message });
  // A journey's age limit was always the plugin's `fromService.maxAgeDays`: the same rule, where no `validity` says more.
  const maxAge = v?.maxAge ?? (ev.source === 'journey' && doc.fromService ? { value: doc.fromService.maxAgeDays, unit: 'days' as const } : undefined);
  const name = doc.name;
  if (!partial)
    for (const k of v?.required ?? []) {
      const val = ev[k];
      if (val === undefined || val === null || val === '')
        push(at(doc, k, ev.source), {
          number: { id: `Isi nomor ${name.id}.`, en: `Give the number of the ${name.en}.` },
          issuedOn: { id: `Isi tanggal terbit ${name.id}.`, en: `Give the date of issue of the ${name.en}.` },
          issuer: { id: `Sebutkan penerbit ${name.id}.`, en: `Say who issued the ${name.en}.` },
        }[k]);
    }
  if (typeof ev.issuedOn === 'string' && DATE.test(ev.issuedOn)) {
    const issued = ev.issuedOn;
    const where = at(doc, 'issuedOn', ev.source);
    if (issued > today)
      push(where, { id: `Tanggal terbit ${name.id} (${dmy(issued)}) belum lewat: periksa tanggalnya.`, en: `The ${name.en}'s date of issue (${issued}) is in the future: check the date.` });
    else if (maxAge) {
      const expired = maxAge.unit === 'days' ? dayNumber(today) - dayNumber(issued) > maxAge.value : addMonths(issued, maxAge.value) < today;
      if (expired) {
        const limit = maxAge.unit === 'days' ? { id: `${maxAge.value} hari`, en: `${maxAge.value} days` } : { id: `${maxAge.value} bulan`, en: `${maxAge.value} months` };
        const age = dayNumber(today) - dayNumber(issued);
        push(where, {
          id: `${name.id} terbit ${dmy(issued)} (${age} hari lalu); yang diterima paling lama ${limit.id} sejak terbit. Minta yang baru.`,
          en: `The ${name.en} was issued on ${issued} (${age} days ago); it is accepted for at most ${limit.en} from issue. Get a new one.`,
        });
      }
    }
  }
  if (v?.issuer && ev.issuer !== undefined && ev.issuer !== null && ev.issuer !== '' && !v.issuer.accept.includes(String(ev.issuer)))
    push(at(doc, 'issuer', ev.source), {
      id: `${name.id} harus diterbitkan oleh ${v.issuer.name.id}; yang ini dari ${String(ev.issuer)}.`,
      en: `The ${name.en} must be issued by ${v.issuer.name.en}; this one is from ${String(ev.issuer)}.`,
    });
  return out;
}

/** What the form states of a document (an upload: the citizen's or the counter officer's own words). */
export function statedEvidence(doc: DocumentRequirement, data: Record<string, unknown>): DocumentEvidence {
  const f = doc.validity?.fields ?? {};
  return {
    source: 'upload',
    ...(f.number ? { number: valueAt(data, f.number) } : {}),
    ...(f.issuedOn ? { issuedOn: valueAt(data, f.issuedOn) } : {}),
    ...(f.issuer ? { issuer: valueAt(data, f.issuer) } : {}),
  };
}

/**
 * What a journey's source output says of itself: the issuing application's agency, its number
 * (the officer's recorded one) and its date of issue — the earlier of the day the platform issued
 * it and the date the officer recorded, so a document is never younger than the platform knows it is.
 */
export function carriedEvidence(source: CarriedOutput, output: ServiceOutput | undefined, timeZone: string): DocumentEvidence {
  const issuedDay = localDate(source.issuedAt, timeZone);
  const recorded = output?.data?.issuedOn && source.data ? valueAt(source.data, output.data.issuedOn) : undefined;
  const number = output?.data?.number && source.data ? valueAt(source.data, output.data.number) : undefined;
  return {
    source: 'journey',
    issuer: source.agencyCode,
    issuedOn: typeof recorded === 'string' && DATE.test(recorded) && recorded < issuedDay ? recorded : issuedDay,
    // Issued before its plugin recorded data: the platform's own number.
    number: number ?? platformNumber(source.trackingCode, source.outputCode),
  };
}

/** The number the platform gives an issued output (printed on its PDF) where the officer records none. */
export const platformNumber = (trackingCode: string, outputCode: string) => `${trackingCode}/${outputCode.toUpperCase()}`;

/** The form fields a journey pre-fills from the carried output's recorded data (form pointer → value). */
export function prefillFrom(doc: DocumentRequirement, data: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [form, from] of Object.entries(doc.fromService?.prefill ?? {})) {
    const v = data ? valueAt(data, from) : undefined;
    if (v !== undefined && v !== null) out[form] = v;
  }
  return out;
}

/** `data` with each pointer of `values` set (intermediate objects made as needed); a new object. */
export function withValues(data: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const [pointer, v] of Object.entries(values)) {
    const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: Record<string, unknown> = copy;
    for (const k of keys.slice(0, -1)) {
      const next = cur[k];
      cur = (cur[k] = next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    }
    cur[keys.at(-1)!] = v;
  }
  return copy;
}

/**
 * Part "fees" (issue 23): what one application costs, from the service's fee rule (the plugin's,
 * with the regency's overlay applied) and the form answers, on one date in the tenant's time zone.
 *
 * `quoteFee` is pure — no clock, no I/O — so the quote before submitting, the amount recorded at
 * submit and a later payment assessment (issue 24) all compute the same number from the same inputs.
 * The caller passes `today` as the tenant's local date (core `localDate(ctx.now, tenant.timeZone)`).
 */
import type { Fee, FeeCharge, LocalizedText } from './types.js';

export interface FeeQuoteLine {
  code: string;
  name: LocalizedText;
  /** Rupiah. */
  amount: number;
  legalBasis: string;
  locked: boolean;
  /** Why a date-dependent charge applies ("75 hari sejak …, lebih dari 60 hari"). */
  reason?: LocalizedText;
}

export interface FeeQuote {
  currency: 'IDR';
  /** Rupiah, after rounding. */
  total: number;
  /** True when the total is 0 and nothing is left to answer: "tidak dipungut biaya". */
  free: boolean;
  /** False while an answer a charge depends on is missing, or the fee is a table/formula without a rule. */
  complete: boolean;
  /** The tenant's local date the quote was computed for (YYYY-MM-DD). */
  asOf: string;
  lines: FeeQuoteLine[];
  /** Charges that cannot be computed yet: the form field they need. */
  pending: { code: string; field: string; message: LocalizedText }[];
  /** Every regulation behind the quote (the fee's, then each charged line's), without repeats. */
  legalBasis: string[];
  /** One line for people: "Tidak dipungut biaya (UU 24/2013 Pasal 79A)" or "Rp10.000 (…)". */
  text: LocalizedText;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from one calendar date to another (both YYYY-MM-DD); undefined when either is not a real date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = toDay(from);
  const b = toDay(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

function toDay(d: string): number | undefined {
  const m = DATE.exec(d);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
  return t / 86_400_000;
}

/** The answer at a JSON pointer (own properties only). */
function answerAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** Rounds a total to a multiple of `to` rupiah. */
export function roundRupiah(n: number, rounding: Fee['rounding']): number {
  if (!rounding || rounding.to <= 1) return n;
  const q = n / rounding.to;
  const k = rounding.mode === 'up' ? Math.ceil(q) : rounding.mode === 'down' ? Math.floor(q) : Math.floor(q + 0.5);
  return k * rounding.to;
}

type ChargeResult = { kind: 'line'; line: FeeQuoteLine } | { kind: 'none' } | { kind: 'pending'; field: string; message: LocalizedText };

function evaluateCharge(c: FeeCharge, answers: unknown, today: string): ChargeResult {
  if (c.when) {
    const v = answerAt(answers, c.when.field);
    if (v === undefined || v === null || v === '') return { kind: 'pending', field: c.when.field, message: { id: `Isian ${c.when.field} menentukan biaya ${c.name.id}.`, en: `The answer ${c.when.field} decides the charge ${c.name.en}.` } };
    const hit = c.when.in ? c.when.in.some((x) => x === v) : c.when.equals === undefined ? true : c.when.equals === v;
    if (!hit) return { kind: 'none' };
  }
  let amount = c.amount ?? 0;
  let reason: LocalizedText | undefined;
  if (c.afterDays) {
    const v = answerAt(answers, c.afterDays.from);
    const days = typeof v === 'string' ? daysBetween(v, today) : undefined;
    if (days === undefined) return { kind: 'pending', field: c.afterDays.from, message: { id: `Tanggal pada ${c.afterDays.from} diperlukan untuk menghitung ${c.name.id}.`, en: `The date at ${c.afterDays.from} is needed to compute ${c.name.en}.` } };
    const tier = [...c.afterDays.tiers].sort((a, b) => b.moreThan - a.moreThan).find((t) => days > t.moreThan);
    if (tier) {
      amount += tier.amount;
      reason = { id: `${days} hari sejak tanggal tersebut, lebih dari ${tier.moreThan} hari`, en: `${days} days since that date, more than ${tier.moreThan} days` };
    }
  }
  if (amount === 0) return { kind: 'none' };
  return { kind: 'line', line: { code: c.code, name: c.name, amount, legalBasis: c.legalBasis, locked: c.locked, ...(reason ? { reason } : {}) } };
}

/**
 * The quote of one fee for one set of answers on one local date. A `fixed` fee without charges is
 * one line of its amount; charges add lines (a charge of Rp0 adds none). A `table` or `formula`
 * fee without charges cannot be computed here: the quote says so (`complete: false`) and shows the
 * fee's text. Days since a date field are calendar days in the tenant's zone: a birth on 1 March
 * reported on 30 April is 60 days (within "60 hari"), on 1 May 61 days (late).
 */
export function quoteFee(fee: Fee, answers: unknown, today: string): FeeQuote {
  const lines: FeeQuoteLine[] = [];
  const pending: FeeQuote['pending'] = [];
  const charges = fee.charges ?? [];
  if (fee.kind === 'fixed' && (fee.amount ?? 0) > 0 && !charges.length)
    lines.push({ code: 'tarif', name: { id: 'Tarif layanan', en: 'Service fee' }, amount: fee.amount ?? 0, legalBasis: fee.legalBasis, locked: fee.locked });
  for (const c of charges) {
    const r = evaluateCharge(c, answers, today);
    if (r.kind === 'line') lines.push(r.line);
    else if (r.kind === 'pending') pending.push({ code: c.code, field: r.field, message: r.message });
  }
  const computable = fee.kind === 'free' || fee.kind === 'fixed' || charges.length > 0;
  const total = roundRupiah(
    lines.reduce((s, l) => s + l.amount, 0),
    fee.rounding,
  );
  const complete = computable && pending.length === 0;
  const legalBasis = [...new Set([fee.legalBasis, ...lines.map((l) => l.legalBasis)])];
  const free = complete && total === 0;
  const text: LocalizedText = free
    ? { id: `Tidak dipungut biaya (${fee.legalBasis})`, en: `Free of charge (${fee.legalBasis})` }
    : !computable && fee.kind === 'formula' && fee.formula
      ? fee.formula.text
      : !computable
        ? { id: `Tarif sesuai pilihan (${fee.legalBasis})`, en: `Fee depends on the option chosen (${fee.legalBasis})` }
        : {
            id: `${rupiah(total)}${complete ? '' : ' (sementara, lengkapi isian)'} (${legalBasis.join('; ')})`,
            en: `${rupiah(total)}${complete ? '' : ' (provisional, answers missing)'} (${legalBasis.join('; ')})`,
          };
  return { currency: 'IDR', total, free, complete, asOf: today, lines, pending, legalBasis, text };
}

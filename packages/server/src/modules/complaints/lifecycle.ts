import type { LocalizedText } from '@satupintu/core';
import { compileWorkflow, type Duration, type TimerDefinition, type WorkflowDefinition } from '@satupintu/workflow';

/**
 * The complaint lifecycle (SP4N-LAPOR! rules, domain.md §1.6, docs/complaints.md) as data, run by
 * `@satupintu/workflow` exactly like a plugin's SOP: states, the actions that move between them
 * and who may take each, and the clocks (in hari kerja) each state starts. The service persists
 * what the engine decides; only rules the engine cannot express (the reopen window and limit, one
 * rating per answer, the first public staff reply) stay in the service.
 */

export type ComplaintKind = 'complaint' | 'suggestion' | 'information-request';
export const KINDS: readonly ComplaintKind[] = ['complaint', 'suggestion', 'information-request'];
export type ComplaintCategory = 'informasi' | 'aspirasi' | 'keluhan' | 'sengketa-tanpa-pemeriksaan' | 'sengketa-dengan-pemeriksaan';
export const CATEGORIES: readonly ComplaintCategory[] = ['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'];
export type ComplaintStatus = 'submitted' | 'forwarded' | 'handling' | 'answered' | 'closed' | 'rejected';
export const STATUSES: readonly ComplaintStatus[] = ['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected'];

/**
 * The caller's relations to one complaint, which are its workflow roles: the complainant, whoever
 * filed it (a counter officer), an officer of the agency it is routed to, the regency coordinator
 * (tenant-admin), and the platform itself (timers).
 */
export type ComplaintRole = 'complainant' | 'filer' | 'officer' | 'coordinator' | 'system';

/** The category a kind starts with; the coordinator may change it when verifying. */
export const DEFAULT_CATEGORY: Record<ComplaintKind, ComplaintCategory> = { complaint: 'keluhan', suggestion: 'aspirasi', 'information-request': 'informasi' };

/** The complainant may reopen an answer at most this many times (product rule; the regulation is silent). */
export const MAX_REOPENS = 2;
/** How many files a complaint may carry. */
export const ATTACHMENT_MAX_COUNT = 5;

/** Timer names; the escalation stages (complaint_escalations.stage) are the escalating ones. */
export type ComplaintTimer = 'verification' | 'first-response' | 'answer' | 'reopen';

const wd = (value: number): Duration => ({ value, unit: 'working-days' });
const t = (id: string, en: string): LocalizedText => ({ id, en });

/**
 * Answer deadlines by category (KemenPAN-RB 2018): information requests, suggestions and
 * complaints 5 hari kerja; disputes without field examination 14, with field examination 60.
 */
export const ANSWER_SLA: Readonly<Record<ComplaintCategory, Duration>> = {
  informasi: wd(5),
  aspirasi: wd(5),
  keluhan: wd(5),
  'sengketa-tanpa-pemeriksaan': wd(14),
  'sengketa-dengan-pemeriksaan': wd(60),
};

/** While a handler works on it: the first response is due once (3 hari kerja), the answer by category. */
const HANDLER_TIMERS: readonly TimerDefinition[] = [
  { name: 'first-response', once: true, sla: wd(3) },
  { name: 'answer', sla: { by: 'category', values: ANSWER_SLA } },
];

/** States in which the thread is open (messages, internal notes, attachments). */
const OPEN: readonly string[] = ['submitted', 'forwarded', 'handling', 'answered'];
/** The reopen branch follows the `handler` fact: back to the agency, or to the coordinator. */
const handledBy = (handler: 'agency' | 'coordinator') => ({ type: 'object', required: ['handler'], properties: { handler: { const: handler } } });

/**
 * States: `submitted` (the coordinator verifies within 3 hari kerja) → `forwarded` (to the agency)
 * or `handling` (by the coordinator) or `rejected` (with a reason; final) → `answered` (the
 * complainant may rate or reopen within 10 hari kerja; the system closes it when the window
 * passes) → `closed`. `closed` is not terminal: a rated answer may still be reopened within the
 * window (the service checks the window and the limit).
 *
 * Actions without `to` record without moving (messages, internal notes, attachments).
 * Facts the guards see: `{ category, handler?, agency? }`.
 */
export const COMPLAINT_LIFECYCLE: WorkflowDefinition<ComplaintRole> = {
  initial: 'submitted',
  states: {
    submitted: { name: t('Menunggu verifikasi', 'Awaiting verification'), actor: 'coordinator', timers: [{ name: 'verification', sla: wd(3) }] },
    forwarded: { name: t('Diteruskan ke instansi', 'Forwarded to the agency'), actor: 'officer', timers: HANDLER_TIMERS },
    handling: { name: t('Ditangani koordinator', 'Handled by the coordinator'), actor: 'coordinator', timers: HANDLER_TIMERS },
    answered: { name: t('Dijawab', 'Answered'), actor: 'complainant', timers: [{ name: 'reopen', sla: wd(10), onExpiry: { action: 'close' } }] },
    closed: { name: t('Selesai', 'Closed'), outcome: 'closed' },
    rejected: { name: t('Ditolak', 'Rejected'), terminal: true, outcome: 'rejected' },
  },
  actions: [
    // Verification (disposisi) by the coordinator; forwarding needs an agency (the service's plugin owner by default).
    { code: 'forward', name: t('Teruskan ke instansi', 'Forward to the agency'), from: ['submitted'], to: 'forwarded', roles: ['coordinator'], guard: { type: 'object', required: ['agency'], properties: { agency: { type: 'string', minLength: 1 } } } },
    { code: 'handle', name: t('Tangani sendiri', 'Handle it'), from: ['submitted'], to: 'handling', roles: ['coordinator'] },
    { code: 'reject', name: t('Tolak', 'Reject'), from: ['submitted'], to: 'rejected', roles: ['coordinator'], comment: 'required' },
    // The answer: the agency's officers or the coordinator when forwarded; the coordinator when handling.
    { code: 'answer', name: t('Jawab', 'Answer'), from: ['forwarded'], to: 'answered', roles: ['officer', 'coordinator'] },
    { code: 'answer', name: t('Jawab', 'Answer'), from: ['handling'], to: 'answered', roles: ['coordinator'] },
    // The complainant rates (closes) or reopens (back to whoever handled it).
    { code: 'rate', name: t('Nilai jawaban', 'Rate the answer'), from: ['answered'], to: 'closed', roles: ['complainant'], comment: 'optional' },
    { code: 'reopen', name: t('Buka kembali', 'Reopen'), from: ['answered', 'closed'], to: 'forwarded', roles: ['complainant'], guard: handledBy('agency'), comment: 'required' },
    { code: 'reopen', name: t('Buka kembali', 'Reopen'), from: ['answered', 'closed'], to: 'handling', roles: ['complainant'], guard: handledBy('coordinator'), comment: 'required' },
    // The reopen window passed (timer `reopen`): the platform closes it.
    { code: 'close', name: t('Tutup otomatis', 'Close'), from: ['answered'], to: 'closed', roles: ['system'] },
    // The thread: the first role named is the one a message is written in.
    { code: 'message', name: t('Kirim pesan', 'Post a message'), from: OPEN, roles: ['officer', 'coordinator', 'complainant', 'filer'] },
    { code: 'note', name: t('Catatan internal', 'Internal note'), from: OPEN, roles: ['officer', 'coordinator'] },
    { code: 'attach', name: t('Lampirkan berkas', 'Attach a file'), from: OPEN, roles: ['officer', 'coordinator', 'complainant', 'filer'] },
  ],
};

export const complaintWorkflow = compileWorkflow(COMPLAINT_LIFECYCLE);

/** Staff roles: their public reply is the first response; they see internal notes. */
export const STAFF_ROLES: readonly ComplaintRole[] = ['officer', 'coordinator'];

/** The role a thread entry shows (the API's vocabulary since the first release). */
export const AUTHOR_ROLE: Readonly<Record<ComplaintRole, string>> = { complainant: 'citizen', filer: 'officer', officer: 'officer', coordinator: 'coordinator', system: 'system' };

/** What guards see: the category (answer deadline), who handles it (reopen branch), the agency (forwarding). */
export interface ComplaintFacts extends Record<string, unknown> {
  category: ComplaintCategory;
  handler?: 'agency' | 'coordinator';
  agency?: string;
}

export function factsOf(c: { category: ComplaintCategory; handler: 'agency' | 'coordinator' | null; agency_code: string | null }): ComplaintFacts {
  return { category: c.category, ...(c.handler ? { handler: c.handler } : {}), ...(c.agency_code ? { agency: c.agency_code } : {}) };
}

/** Whether any of `roles` could ever take `action` (in some state): else the caller simply may not. */
export function mayEverTake(roles: readonly ComplaintRole[], action: string): boolean {
  return COMPLAINT_LIFECYCLE.actions.some((a) => a.code === action && a.roles.some((r) => roles.includes(r)));
}

/** Whether anyone at all may take `action` in `state` (else the complaint's state is what refuses it). */
export function takenIn(state: string, action: string): boolean {
  return !complaintWorkflow.terminal.has(state) && complaintWorkflow.candidates(state, ['complainant', 'filer', 'officer', 'coordinator', 'system'], action).length > 0;
}

/** States whose clocks include `timer` (the escalation job reads only those rows). */
export function statesTiming(timer: ComplaintTimer): string[] {
  return Object.keys(COMPLAINT_LIFECYCLE.states).filter((state) => runsTimer(state, timer));
}

/** Whether `state` runs the clock `timer`. */
export function runsTimer(state: string, timer: ComplaintTimer): boolean {
  return (COMPLAINT_LIFECYCLE.states[state]?.timers ?? []).some((x) => x.name === timer);
}

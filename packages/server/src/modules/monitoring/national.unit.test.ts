import assert from 'node:assert/strict';
import { createAjv } from '@satupintu/core';
import { apiDocument } from '../../http/document.js';

type Schema = Record<string, unknown>;
type Doc = ReturnType<typeof apiDocument>;

/**
 * The national views (KemenPAN-RB, and an agency across every region) answer aggregates only.
 * Their response schemas are closed (`additionalProperties: false`), so the members they declare
 * are every member a response can carry (the contract tests refuse any other): checking the
 * declarations checks every answer.
 */
const NATIONAL = [
  'getNationalCockpit', 'listNationalAlerts', 'getNationalWeekly', 'getTenantIndicators', 'nationalIkm', 'agencyIkmAcrossRegions',
  // Ministry Monev (issue 23)
  'evaluateMonevAlerts', 'listMonevAlerts', 'listTenantMonevAlerts', 'getMonevEvidencePack', 'nationalSkmFollowUps',
];

/** Members that could carry a person: names, identity numbers, contacts, account ids, free text, answers. */
const PERSONAL =
  /^(nik|no_?kk|nama|nama_?lengkap|full_?name|person|phone|telepon|telp|no_?hp|hp|mobile|email|e_?mail|username|user|sub|subject|subject_?id|actor|applicant(_?(sub|id|name))?|respondent(_?(sub|id|name))?|filed_?by(_?sub)?|created_?by|closed_?by|updated_?by|officer|citizen|address|alamat|birth(_?(date|day|place))?|tanggal_?lahir|token|tracking_?code|suggestion|saran|ip|ip_?address|data|answers|profile|sex|gender|age_?band|education|occupation)$/i;

function resolve(doc: Doc, s: unknown): Schema {
  const schema = s as Schema;
  const ref = schema.$ref;
  if (typeof ref === 'string') return resolve(doc, (doc.components.schemas as Record<string, unknown>)[ref.split('/').pop()!]);
  return schema;
}

/** Every problem found walking a response schema: members that could carry personal data, open objects, free-form values. */
function personalDataRisks(doc: Doc, root: unknown, at: string): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (s: unknown, path: string) => {
    const schema = resolve(doc, s);
    if (seen.has(schema)) return;
    seen.add(schema);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const [i, x] of ((schema[k] as unknown[]) ?? []).entries()) walk(x, `${path}|${k}${i}`);
    if (schema.items) walk(schema.items, `${path}[]`);
    const typed = schema.type !== undefined || schema.enum !== undefined || schema.const !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined;
    if (!typed) out.push(`${path}: a free-form value`);
    if (schema.type !== 'object') return;
    if (schema.additionalProperties !== false || schema.patternProperties) out.push(`${path}: an open object (may hold any member)`);
    const props = (schema.properties ?? {}) as Record<string, unknown>;
    for (const [name, p] of Object.entries(props)) {
      const member = resolve(doc, p);
      // `name` may only name a regency (an object that is a tenant: it has its slug) or be a bilingual label.
      const label = member.type === 'object' && Object.keys((member.properties ?? {}) as object).sort().join() === 'en,id';
      if (name === 'name' && !label && !('slug' in props) && !('tenant' in props)) out.push(`${path}.${name}: a name that is not a regency’s`);
      if (PERSONAL.test(name)) out.push(`${path}.${name}: could carry personal data`);
      walk(p, `${path}.${name}`);
    }
  };
  walk(root, at);
  return out;
}

function operation(doc: Doc, operationId: string) {
  for (const methods of Object.values(doc.paths))
    for (const op of Object.values(methods as Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }> }>))
      if (op.operationId === operationId) return op;
  throw new Error(`${operationId} is not in the document`);
}

describe('national views carry no personal data (checked on the API document)', () => {
  const doc = apiDocument();

  it('declares closed response schemas whose members cannot carry names, NIK, phone numbers or subject ids', () => {
    for (const id of NATIONAL) {
      const schema = operation(doc, id).responses['200']?.content?.['application/json']?.schema;
      assert.ok(schema, `${id} documents its 200 body`);
      assert.deepEqual(personalDataRisks(doc, schema, id), [], id);
    }
  });

  it('would catch a member that carries personal data, an open object or a free-form value', () => {
    const risky = { type: 'object', additionalProperties: false, properties: { applicantName: { type: 'string' }, nik: { type: 'string' }, extra: { type: 'object', properties: {} }, blob: {} } };
    const risks = personalDataRisks(doc, risky, 'x');
    assert.ok(risks.some((r) => r.startsWith('x.nik')));
    assert.ok(risks.some((r) => r.startsWith('x.extra: an open object')));
    assert.ok(risks.some((r) => r.startsWith('x.blob: a free-form value')));
    assert.ok(personalDataRisks(doc, { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } }, 'y').length, 'a bare name is refused');
    // …and the tenant's own (staff-facing) follow-ups and audit trail would fail it: they name staff.
    assert.ok(personalDataRisks(doc, operation(doc, 'listAuditEvents').responses['200']?.content?.['application/json']?.schema, 'audit').length);
  });
});

describe('examples of the skm, monitoring, audit, reference and identity operations match their schemas', () => {
  const doc = apiDocument();
  const ajv = createAjv({ strict: false, validateFormats: true });
  const ids = [
    ...NATIONAL,
    'skmQuestionnaire', 'mySkmInvitations', 'skmInvitationOfApplication', 'answerSkm', 'tenantIkm', 'openSkmFollowUps', 'listSkmFollowUps', 'closeSkmFollowUp',
    'assignSkmFollowUp', 'recordSkmPublication', 'listSkmPublications',
    'exportNationalTenantsCsv', 'exportNationalWeeklyCsv', 'listAuditEvents', 'listRegions', 'listRegencies', 'getRegency', 'getMe',
  ];

  it('every success of these operations has an example, valid against its schema', () => {
    for (const id of ids) {
      const op = operation(doc, id);
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^2/.test(status)) continue;
        for (const [media, c] of Object.entries(r.content ?? {})) {
          assert.ok(c.example !== undefined, `${id} ${status} ${media} has an example`);
          if (media !== 'application/json') continue;
          const v = ajv.compile({ components: doc.components, allOf: [c.schema] });
          assert.ok(v(c.example), `${id} ${status} example: ${ajv.errorsText(v.errors)}`);
        }
      }
    }
  });
});

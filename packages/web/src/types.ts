// The API's data types, generated from docs/openapi.json (@satupintu/client, openapi-typescript):
// nothing here is written by hand but names for them. Regenerate with `npm run api:doc`.
import type { operations, Schemas } from '@satupintu/client';

/** Text in Bahasa Indonesia and English, as the API returns it. */
export type Localized = Schemas['LocalizedText'];

export type ServiceSummary = Schemas['CatalogService'];
export type ServiceDetail = Schemas['ServiceDetail'];
export type DocumentRequirement = ServiceDetail['documents'][number];
export type FormUi = ServiceDetail['form']['ui'];
export type Application = Schemas['Application'];
export type Me = Schemas['Me'];
export type Membership = Schemas['IdentityMembership'];
export type ServiceOverlay = Schemas['ServiceOverlay'];
export type Complaint = Schemas['Complaint'];
export type CockpitTenant = Schemas['CockpitTenant'];
export type ManifestStandard = Schemas['ManifestStandard'];
export type ManifestTextComponent = Schemas['ManifestTextComponent'];

/** A field error of a problem: a JSON pointer and the message in both languages. */
export type FieldProblem = NonNullable<Schemas['Problem']['errors']>[number];

/** The JSON body of an operation's request, e.g. `RequestBody<'createApplication'>`. */
export type RequestBody<Op extends keyof operations> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

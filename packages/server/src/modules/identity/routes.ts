import Type from 'typebox';
import { ROLES, type Identity } from '@satupintu/auth';
import { ok, type RouteTable } from '../../http/routes.js';

const closed = { additionalProperties: false } as const;
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' });

/** A membership as the realm's groups give it: a role scoped to a tenant, an agency, both, or the nation. */
export const MembershipSchema = Type.Union(
  [
    Type.Object({ role: Type.Enum(['tenant-admin', 'village-operator']), tenant: Slug }, closed),
    Type.Object({ role: Type.Literal('officer'), tenant: Slug, agency: Slug }, closed),
    Type.Object({ role: Type.Literal('agency-publisher'), agency: Slug }, closed),
    Type.Object({ role: Type.Enum(['ministry-analyst', 'platform-admin']) }, closed),
  ],
  { 'x-component': 'IdentityMembership' },
);

/**
 * What the web app needs to know about its user: who (subject, username, display name) and what
 * they may do (roles, memberships). Nothing else of the token (e-mail, client, audience, times).
 */
export const MeSchema = Type.Object(
  {
    subject: Type.String({ description: 'The stable id of the account (token `sub`)' }),
    username: Type.String(),
    name: Type.Optional(Type.String({ description: 'Display name, when the account has one' })),
    roles: Type.Array(Type.Enum([...ROLES]), { description: 'Platform roles of the realm' }),
    memberships: Type.Array(MembershipSchema, { description: 'Where each scoped role applies' }),
  },
  { ...closed, 'x-component': 'Me' },
);

export type MeView = Type.Static<typeof MeSchema>;

/** The caller's view of themselves: the identity minus what the web app has no use for. */
export function meOf(identity: Identity): MeView {
  return {
    subject: identity.subject,
    username: identity.username,
    ...(identity.name ? { name: identity.name } : {}),
    roles: [...identity.roles],
    memberships: identity.memberships.map((m) => ({ ...m })),
  };
}

export function identityRoutes(api: RouteTable): void {
  api.add({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'Identitas pemanggil / The caller’s identity, roles and memberships',
    description: 'From the verified token: who the caller is and where each of their roles applies. No other token contents (e-mail, client, lifetimes) are echoed.',
    tags: ['identity'],
    security: { kind: 'authenticated' },
    responses: {
      '200': {
        description: 'The caller',
        schema: MeSchema,
        example: {
          subject: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
          username: 'petugas.dukcapil.kbb',
          name: 'Petugas Dukcapil Bandung Barat',
          roles: ['officer'],
          memberships: [{ role: 'officer', tenant: 'kab-bandung-barat', agency: 'dukcapil' }],
        },
      },
    },
    handler: async (ctx) => ok(meOf(ctx.identity)),
  });
}

import Type from 'typebox';
import { ok, type RouteTable } from '../../http/routes.js';

const Membership = Type.Object({ role: Type.String(), tenant: Type.Optional(Type.String()), agency: Type.Optional(Type.String()) });
export const IdentitySchema = Type.Object({
  subject: Type.String(),
  username: Type.String(),
  name: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  roles: Type.Array(Type.String()),
  memberships: Type.Array(Membership),
  clientId: Type.Optional(Type.String()),
});

export function identityRoutes(api: RouteTable): void {
  api.add({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'Identitas pemanggil / The caller’s identity, roles and memberships',
    tags: ['identity'],
    security: { kind: 'authenticated' },
    responses: { '200': { description: 'Identity from the verified token', schema: IdentitySchema } },
    handler: async (ctx) => ok(ctx.identity),
  });
}

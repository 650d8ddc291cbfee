import type { ApiRegistry } from '../../api.js';

const membershipSchema = {
  type: 'object',
  properties: {
    role: { type: 'string' },
    tenant: { type: 'string' },
    agency: { type: 'string' },
  },
  required: ['role'],
};

export function identityRoutes(api: ApiRegistry): void {
  api.add({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'Identitas pemanggil / The caller’s identity, roles and memberships',
    tags: ['identity'],
    security: { kind: 'authenticated' },
    responses: {
      '200': {
        description: 'Identity from the verified token',
        schema: {
          type: 'object',
          properties: {
            subject: { type: 'string' },
            username: { type: 'string' },
            name: { type: 'string' },
            email: { type: 'string' },
            roles: { type: 'array', items: { type: 'string' } },
            memberships: { type: 'array', items: membershipSchema },
            clientId: { type: 'string' },
          },
        },
      },
    },
    handler: async (_req, res) => {
      res.json(res.locals.identity);
    },
  });
}

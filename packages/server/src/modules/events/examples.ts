export const endpointExample = {
  id: '0193a1c2-7d4e-7f00-8a11-2b3c4d5e6f70',
  url: 'https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events',
  description: 'Sistem perizinan DPMPTSP',
  eventTypes: ['application.*'],
  agency: 'dpmptsp',
  active: true,
  disabledReason: null,
  disabledAt: null,
  secretHint: 'Q9x=',
  previousSecretUntil: null,
  legacy: false,
  legacyHeaders: false,
  maxAttempts: 10,
  createdAt: '2026-12-07T03:00:00.000Z',
  updatedBy: 'admin.kbb',
  updatedAt: '2026-12-07T03:00:00.000Z',
};

export const endpointCreatedExample = { ...endpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Q9xZq6Q9x=' };

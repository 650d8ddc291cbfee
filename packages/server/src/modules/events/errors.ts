import { defineProblem } from '@satupintu/core';

/** One field of the request at fault, in both languages. */
const field = (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] });

export const endpointUrlInvalid = defineProblem(
  { code: 'EVENT_ENDPOINT_URL_INVALID', status: 422, title: { id: 'URL endpoint tidak valid', en: 'Invalid endpoint URL' } },
  (en: string, id: string) => field('/url', id, en),
);

export const eventTypeUnknown = defineProblem(
  {
    code: 'EVENT_TYPE_UNKNOWN',
    status: 422,
    title: { id: 'Jenis peristiwa tidak dikenal', en: 'Unknown event type' },
    description: { id: 'Setiap entri `eventTypes` harus jenis yang ada di GET /api/v1/event-types, atau awalan seperti `complaint.*`.', en: 'Every `eventTypes` entry must be a type listed by GET /api/v1/event-types, or a prefix such as `complaint.*`.' },
  },
  (index: number, entry: string) => field(`/eventTypes/${index}`, `Jenis tidak dikenal: ${entry}.`, `Unknown type: ${entry}.`),
);

export const endpointNotFound = defineProblem({ code: 'EVENT_ENDPOINT_NOT_FOUND', status: 404, title: { id: 'Endpoint tidak ditemukan', en: 'Endpoint not found' } });

export const endpointInactive = defineProblem({
  code: 'EVENT_ENDPOINT_INACTIVE',
  status: 409,
  title: { id: 'Endpoint sedang nonaktif', en: 'The endpoint is switched off' },
  description: {
    id: 'Endpoint nonaktif tidak mengirim apa pun; aktifkan lagi (PATCH dengan `active: true`) sebelum mengirim ulang.',
    en: 'A switched-off endpoint sends nothing; switch it on (PATCH with `active: true`) before replaying.',
  },
});

export const eventDeliveryNotFound = defineProblem({ code: 'EVENT_DELIVERY_NOT_FOUND', status: 404, title: { id: 'Pengiriman peristiwa tidak ditemukan', en: 'Event delivery not found' } });

export const eventDeliveryNotDead = defineProblem({
  code: 'EVENT_DELIVERY_NOT_DEAD',
  status: 409,
  title: { id: 'Hanya pengiriman yang gagal total yang dapat dikirim ulang', en: 'Only dead deliveries can be replayed' },
  description: { id: 'Pengiriman ini masih berjalan, sudah terkirim, atau sudah dikirim ulang (`replayedBy`).', en: 'This delivery is still under way, delivered, or replayed already (`replayedBy`).' },
});

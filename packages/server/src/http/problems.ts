import { defineProblem, type FieldError } from '@satupintu/core';

/**
 * The problems the HTTP layer itself answers, whatever the route: malformed requests, budgets,
 * outages, preconditions, pages. The route table documents each where it can occur (a body
 * problem only on routes that take a body, a precondition only where `If-Match` is read), so the
 * OpenAPI document lists every code a client can meet on each operation.
 */
const invalid = { id: 'Data permintaan tidak valid', en: 'The request data is invalid' };

export const pathInvalid = defineProblem({ code: 'PATH_INVALID', status: 400, title: invalid, description: { id: 'Parameter jalur tidak sesuai skema; `errors` menunjuk parameternya.', en: 'A path parameter does not match its schema; `errors` points at it.' } }, (errors: FieldError[]) => ({ errors }));
export const queryInvalid = defineProblem({ code: 'QUERY_INVALID', status: 400, title: invalid, description: { id: 'Parameter kueri tidak sesuai skema atau tidak dikenal.', en: 'A query parameter does not match its schema or is unknown.' } }, (errors: FieldError[]) => ({ errors }));
export const bodyInvalid = defineProblem({ code: 'BODY_INVALID', status: 422, title: invalid, description: { id: 'Badan permintaan tidak sesuai skema; `errors` menunjuk setiap isian.', en: 'The body does not match the schema; `errors` points at each field.' } }, (errors: FieldError[]) => ({ errors }));

export const malformedJson = defineProblem(
  { code: 'MALFORMED_JSON', status: 400, title: { id: 'Badan permintaan bukan JSON yang sah', en: 'The request body is not valid JSON' } },
  () => ({ errors: [{ pointer: '', message: { id: 'JSON tidak dapat dibaca.', en: 'JSON could not be parsed.' } }] }),
);
export const bodyTooDeep = defineProblem(
  { code: 'BODY_TOO_DEEP', status: 400, title: { id: 'Badan permintaan terlalu bersarang', en: 'The request body is nested too deeply' } },
  (max: number) => ({
    detail: { id: `JSON paling dalam ${max} tingkat.`, en: `JSON may nest at most ${max} levels.` },
    errors: [{ pointer: '', message: { id: `Lebih dari ${max} tingkat.`, en: `More than ${max} levels.` } }],
  }),
);
export const badRequest = defineProblem({ code: 'BAD_REQUEST', status: 400, title: { id: 'Permintaan tidak dapat diproses', en: 'The request could not be processed' } });
export const bodyTooLarge = defineProblem({ code: 'BODY_TOO_LARGE', status: 413, title: { id: 'Badan permintaan terlalu besar', en: 'The request body is too large' } });
export const unsupportedMediaType = defineProblem({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, title: { id: 'Kirim badan permintaan sebagai application/json', en: 'Send the request body as application/json' } });
export const unsupportedEncoding = defineProblem({ code: 'UNSUPPORTED_ENCODING', status: 415, title: { id: 'Enkode badan permintaan tidak didukung', en: 'Unsupported request body encoding' } });

export const routeNotFound = defineProblem({ code: 'ROUTE_NOT_FOUND', status: 404, title: { id: 'Alamat tidak ditemukan', en: 'No such route' } }, (method: string, path: string) => ({
  detail: { id: `${method} ${path} tidak ada.`, en: `${method} ${path} does not exist.` },
}));

export const databaseUnavailable = defineProblem(
  {
    code: 'DATABASE_UNAVAILABLE',
    status: 503,
    title: { id: 'Basis data sedang tidak tersedia', en: 'The database is unavailable' },
    description: { id: 'Coba lagi setelah Retry-After; permintaan tidak tersimpan.', en: 'Retry after Retry-After; the request was not stored.' },
  },
  (cause: unknown) => ({
    detail: { id: 'Coba lagi sebentar lagi; permintaan ini tidak tersimpan.', en: 'Try again shortly; this request was not stored.' },
    headers: { 'Retry-After': '5' },
    cause,
  }),
);

export const internal = defineProblem(
  { code: 'INTERNAL', status: 500, title: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' } },
  () => ({
    detail: {
      id: 'Kesalahan telah dicatat. Sebutkan requestId saat menghubungi petugas.',
      en: 'The error was logged. Quote the requestId when contacting support.',
    },
  }),
);

export const idempotencyKeyInvalid = defineProblem(
  { code: 'IDEMPOTENCY_KEY_INVALID', status: 400, title: { id: 'Idempotency-Key tidak valid', en: 'Invalid Idempotency-Key' } },
  () => ({ errors: [{ pointer: '/headers/idempotency-key', message: { id: '8–128 karakter: huruf, angka, . _ : -', en: '8–128 characters: letters, digits, . _ : -' } }] }),
);

export const preconditionFailed = defineProblem(
  {
    code: 'PRECONDITION_FAILED',
    status: 412,
    title: { id: 'Data sudah diubah orang lain', en: 'The resource changed since you read it' },
    description: { id: 'ETag di If-Match bukan versi terkini: baca ulang, terapkan perubahan, kirim lagi.', en: 'The If-Match ETag is not the current version: read it again, reapply, resend.' },
  },
  (current?: string) => ({
    detail: { id: 'Muat ulang data lalu ulangi perubahan Anda.', en: 'Reload the resource and apply your change again.' },
    ...(current ? { extensions: { currentEtag: current } } : {}),
  }),
);
export const preconditionRequired = defineProblem(
  {
    code: 'PRECONDITION_REQUIRED',
    status: 428,
    title: { id: 'Sertakan If-Match', en: 'If-Match is required' },
    description: { id: 'Perubahan sumber daya yang sudah ada harus menyebut ETag yang dibaca.', en: 'Changing an existing resource must quote the ETag it read.' },
  },
  () => ({ errors: [{ pointer: '/headers/if-match', message: { id: 'Kirim ETag dari GET terakhir.', en: 'Send the ETag of your last GET.' } }] }),
);

export const cursorInvalid = defineProblem(
  { code: 'CURSOR_INVALID', status: 400, title: { id: 'Kursor halaman tidak valid', en: 'Invalid page cursor' }, description: { id: 'Pakai `next` dari halaman sebelumnya apa adanya, dengan filter yang sama.', en: 'Pass the previous page’s `next` unchanged, with the same filters.' } },
  () => ({ errors: [{ pointer: '/query/cursor', message: { id: 'Kursor rusak atau milik kueri lain.', en: 'The cursor is damaged or belongs to another query.' } }] }),
);

export const tenantNotFound = defineProblem({ code: 'TENANT_NOT_FOUND', status: 404, title: { id: 'Tenant tidak ditemukan', en: 'Tenant not found' } }, (slug: string) => ({
  detail: { id: `Tidak ada tenant ${slug}.`, en: `There is no tenant ${slug}.` },
}));

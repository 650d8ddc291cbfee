import { encodeExtended, format } from 'content-disposition';

/**
 * What a download may be served as, and the file name it is offered under. Uploads are typed by
 * their content (GuardedUpload); these are the types a stored file can have, with the extension
 * its name gets. Anything else is served as application/octet-stream, named `….bin`.
 */
export const DOWNLOAD_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/octet-stream': ['bin'],
};

const OCTET_STREAM = 'application/octet-stream';
/** Code points of a name before its extension (the schemas allow 200 for the whole name). */
const MAX_BASE = 100;
/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The media type a download is answered with: a verified type it may have, else application/octet-stream. */
export function downloadMediaType(mediaType: string | undefined): string {
  const t = mediaType?.split(';')[0]?.trim().toLowerCase();
  return t && Object.hasOwn(DOWNLOAD_TYPES, t) ? t : OCTET_STREAM;
}

/**
 * A file name safe to offer: the last path segment only; no control, format (bidi override,
 * zero-width) or line characters; letters, digits, marks, space and `._-()[]+,` kept, anything
 * else (quotes, `<>&;%*?|:` …) becomes `_`; no leading or trailing dots, spaces or dashes; the
 * base at most 100 code points; the extension the media type's (`ktp.html` stored as a PDF is
 * offered as `ktp.html.pdf`, of an unknown type as `ktp.html.bin`); `dokumen` when nothing is left.
 */
export function safeFilename(name: string | undefined, mediaType: string): string {
  let n = (name ?? '').normalize('NFC');
  n = n.split(/[\\/]/).pop() ?? '';
  n = n.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  n = n.replace(/[^\p{L}\p{M}\p{N} ._()[\]+,-]/gu, '_');
  n = n.replace(/\s+/g, ' ').replace(/_{2,}/g, '_');
  const exts = DOWNLOAD_TYPES[downloadMediaType(mediaType)] ?? [];
  const lower = n.toLowerCase();
  const given = exts.find((e) => lower.endsWith(`.${e}`));
  let base = given ? n.slice(0, n.length - given.length - 1) : n;
  base = [...base].slice(0, MAX_BASE).join('');
  base = base.replace(/^[\s._-]+|[\s._-]+$/g, '');
  if (!base) base = 'dokumen';
  if (RESERVED.test(base)) base = `_${base}`;
  const ext = given ?? exts[0];
  return ext ? `${base}.${ext}` : base;
}

/**
 * `Content-Disposition` of a download (RFC 6266): always `attachment` — a browser saves the file,
 * never renders it on the store's origin — with the safe name twice: `filename=` in plain ASCII
 * for old clients (accents dropped, other characters `_`) and `filename*=UTF-8''…` exact.
 */
export function downloadDisposition(filename: string | undefined, mediaType: string | undefined): string {
  const name = safeFilename(filename, downloadMediaType(mediaType));
  let ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .replace(/_{2,}/g, '_');
  const dot = ascii.lastIndexOf('.');
  const asciiBase = dot > 0 ? ascii.slice(0, dot) : ascii;
  if (!/[A-Za-z0-9]/.test(asciiBase)) ascii = dot > 0 ? `dokumen${ascii.slice(dot)}` : 'dokumen';
  // jshttp/content-disposition (Express's own) formats it: quoting, RFC 8187 encoding.
  return format({ type: 'attachment', parameters: { filename: ascii, 'filename*': encodeExtended(name) } });
}

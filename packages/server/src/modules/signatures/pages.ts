import type { Clock } from '@satupintu/core';
import type { Logger } from 'pino';
import { workContext } from '../../context.js';
import type { PageRenderer, WebPage } from '../../http/web.js';
import { esc } from '../catalog/pages.js';
import type { SignatureService } from './service.js';

const PAGE = /^\/t\/([a-z0-9](?:[a-z0-9-]{0,62}))\/v\/([0-9A-Z]{16})\/?$/;
const fmt = (iso: string, tz: string) => new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: tz }).format(new Date(iso));

function page(status: 200 | 404, title: string, main: string): WebPage {
  const body = [
    '<header class="top"><div class="bar"><a href="/" class="brand"><span aria-hidden="true">◆</span> Satupintu</a></div></header>',
    `<main id="main" tabindex="-1">${main}</main>`,
    '<footer class="foot muted small">Satupintu · Verifikasi dokumen elektronik / Electronic document verification</footer>',
  ].join('');
  return { status, title: `${title} · Satupintu`, description: 'Verifikasi keaslian dokumen yang diterbitkan melalui Satupintu.', body };
}

/**
 * The public verification page the QR code on an issued PDF leads to (`/t/{tenant}/v/{code}`):
 * status, document, number, issuing agency, date, signer and the SHA-256 of the issued file — no
 * personal data. A file is compared by POST /api/v1/tenants/{tenant}/verifications/{code}/check.
 */
export function verificationPages(deps: { signatures: SignatureService; clock: Clock; log: Logger }): PageRenderer {
  return async (req, env) => {
    const m = PAGE.exec(req.path);
    if (!m) return undefined;
    const tenant = await env.tenant(m[1]!);
    const missing = page(404, 'Dokumen tidak ditemukan', '<div class="page-title"><h1>Dokumen tidak ditemukan / Document not found</h1><p>Tidak ada dokumen terbitan dengan kode ini: dokumen mungkin palsu. / No issued document has this code: it may be forged.</p></div>');
    if (!tenant) return missing;
    const ctx = workContext({ clock: deps.clock, log: deps.log, route: 'web:verification-page', tenant });
    const v = await deps.signatures.verification(ctx, m[2]!).catch(() => undefined);
    if (!v) return missing;
    const tz = tenant.timeZone;
    const status = v.status === 'valid' ? 'Sah dan berlaku / Valid' : 'Masa berlaku telah habis / Expired';
    const signed = v.signature.signed
      ? `${esc(v.signature.signer ?? '')} (${esc(v.signature.issuer ?? '')})${v.signature.testCa ? ' — <strong>sertifikat uji, bukan untuk produksi / test certificate, not for production</strong>' : ''}`
      : 'Tidak ditandatangani secara elektronik / Not electronically signed';
    const rows: [string, string][] = [
      ['Status', esc(status)],
      ['Dokumen / Document', `${esc(v.document.id)} / ${esc(v.document.en)}`],
      ['Nomor / Number', esc(v.number)],
      ['Layanan / Service', esc(v.service.id)],
      ['Penerbit / Issuer', `${esc(v.issuer.agency.id)}, ${esc(v.issuer.tenant)}`],
      ['Diterbitkan / Issued', `${esc(fmt(v.issuedAt, tz))} (${esc(tz)})`],
      ...(v.validUntil ? ([['Berlaku sampai / Valid until', esc(fmt(v.validUntil, tz))]] as [string, string][]) : []),
      ['Tanda tangan elektronik / Electronic signature', signed],
      ['SHA-256', `<code>${esc(v.sha256 ?? '-')}</code>`],
    ];
    const main = [
      `<div class="page-title"><h1>Verifikasi dokumen / Document verification</h1><p class="muted">Kode / Code: <code>${esc(v.code)}</code></p></div>`,
      `<dl class="facts">${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${val}</dd>`).join('')}</dl>`,
      '<p class="small muted">Cocokkan berkas Anda: SHA-256 berkas PDF harus sama dengan di atas (mis. <code>sha256sum berkas.pdf</code>), atau kirim berkasnya ke API pemeriksaan. Tanda tangan elektroniknya dapat diperiksa di pembaca PDF mana pun. / Compare your file: its SHA-256 must equal the one above, or send it to the check API. Any PDF reader checks the electronic signature.</p>',
    ].join('');
    return page(200, `Verifikasi ${v.number}`, main);
  };
}

import { useState } from 'react';
import { QrCode, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';

/**
 * Issue 24 (payments): what to pay, why (the legal basis), how, until when, and the proof
 * afterwards — `GET …/applications/{id}/payments`, read through a widened signature until the
 * client is regenerated from the OpenAPI document. "Saya sudah bayar" asks the provider; a
 * redirect or a click never marks anything paid.
 */
interface PaymentOrderView {
  id: string;
  channel: 'simponi' | 'snap_va' | 'snap_qris' | 'gateway' | 'pemda_h2h' | 'counter_cash';
  reference: string;
  amount: number;
  expiresAt: string | null;
  status: string;
  paidAt: string | null;
  proof: Record<string, string> | null;
  reconciled: boolean;
  how: Localized;
  qrContent?: string | null;
}
interface PaymentView {
  assessment: { revenueType: string; legalBasis: string[]; lines: { code: string; name: Localized; amount: number; legalBasis: string }[]; total: number; free: boolean } | null;
  order: PaymentOrderView | null;
  paid: boolean;
  due: { amount: number; until: string | null; reference: string | null } | null;
}

type Loose = (path: string, init: { params: { path: Record<string, string> }; body?: unknown }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const W = {
  title: { id: 'Pembayaran', en: 'Payment' },
  what: { id: 'Yang dibayar', en: 'What to pay' },
  why: { id: 'Dasar hukum', en: 'Legal basis' },
  free: { id: 'Tidak dipungut biaya', en: 'Free of charge' },
  reference: { id: 'Kode bayar', en: 'Payment code' },
  until: { id: 'Bayar sebelum', en: 'Pay before' },
  choose: { id: 'Pilih cara bayar:', en: 'Choose how to pay:' },
  check: { id: 'Saya sudah bayar — cek ke bank', en: 'I have paid — check with the bank' },
  paid: { id: 'Lunas', en: 'Paid' },
  proof: { id: 'Bukti', en: 'Proof' },
  reconciled: { id: 'tercocokkan dengan laporan bank', en: 'matched with the bank’s report' },
  pnbp: { id: 'PNBP (disetor ke kas negara)', en: 'PNBP (paid into the state treasury)' },
  retribusi: { id: 'Retribusi daerah (disetor ke kas daerah)', en: 'Regional retribusi (paid into the regency’s treasury)' },
} satisfies Record<string, Localized>;

const CHANNEL: Record<PaymentOrderView['channel'], Localized> = {
  simponi: { id: 'Kode billing SIMPONI', en: 'SIMPONI billing code' },
  snap_va: { id: 'Virtual account bank daerah', en: 'Regional bank virtual account' },
  snap_qris: { id: 'QRIS (aplikasi bank atau dompet digital)', en: 'QRIS (any bank or e-wallet app)' },
  gateway: { id: 'Virtual account (gerbang pembayaran pemda)', en: 'Virtual account (the regency’s gateway)' },
  pemda_h2h: { id: 'Kode bayar SKRD di bank daerah', en: 'SKRD payment code at the regional bank' },
  counter_cash: { id: 'Tunai di loket bendahara', en: 'Cash at the treasurer’s counter' },
};
const PROOF: Record<string, Localized> = { ntpn: { id: 'NTPN', en: 'NTPN' }, ntb: { id: 'NTB/NTP', en: 'NTB/NTP' }, bankRef: { id: 'Referensi bank', en: 'Bank reference' }, receiptNo: { id: 'No. kuitansi', en: 'Receipt no.' } };
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export function ApplicationPayment({ client, tenant, application }: { client: { GET: unknown; POST: unknown }; tenant: string; application: string }) {
  const { L, fmtDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const path = { tenant, id: application };
  const state = useAsync(async () => ((await (client.GET as Loose)('/api/v1/tenants/{tenant}/applications/{id}/payments', { params: { path } })).data as PaymentView | undefined) ?? null, [tenant, application]);
  const v = state.data;
  if (!v?.assessment) return null;
  const a = v.assessment;
  const post = async (url: string, params: Record<string, string>, body?: unknown) => {
    setBusy(true);
    try {
      const r = await (client.POST as Loose)(url, { params: { path: params }, ...(body ? { body } : {}) });
      if (r.data) state.set(r.data as PaymentView);
    } finally {
      setBusy(false);
    }
  };
  const channels: PaymentOrderView['channel'][] = a.revenueType === 'pnbp' ? ['simponi'] : ['snap_qris', 'snap_va', 'pemda_h2h', 'gateway'];
  return (
    <section className="card" aria-labelledby="payment">
      <h2 id="payment">{L(W.title)}</h2>
      {a.free ? (
        <p>{L(W.free)} ({a.legalBasis.join('; ')})</p>
      ) : (
        <>
          <p className="small">{a.revenueType === 'pnbp' ? L(W.pnbp) : L(W.retribusi)}</p>
          <h3>{L(W.what)}</h3>
          <ul>
            {a.lines.map((l) => (
              <li key={l.code}>
                {L(l.name)} — {rupiah(l.amount)}
              </li>
            ))}
          </ul>
          <p>
            <strong>{rupiah(a.total)}</strong>
          </p>
          <p className="small">
            {L(W.why)}: {a.legalBasis.join('; ')}
          </p>
          {v.order && (
            <dl>
              <dt>{L(CHANNEL[v.order.channel])}</dt>
              <dd>
                {L(W.reference)}: <code>{v.order.reference}</code>
              </dd>
              {!v.paid && v.order.expiresAt && (
                <dd>
                  {L(W.until)} {fmtDate(v.order.expiresAt, true)}
                </dd>
              )}
              <dd className="small">{L(v.order.how)}</dd>
              {!v.paid && v.order.qrContent && (
                <dd>
                  <QrCode url={v.order.qrContent} filename={`qris-${v.order.reference}.png`} />
                </dd>
              )}
            </dl>
          )}
          {v.paid && v.order?.proof ? (
            <p>
              <strong>{L(W.paid)}</strong> {v.order.paidAt && fmtDate(v.order.paidAt, true)} · {L(W.proof)}:{' '}
              {Object.entries(v.order.proof)
                .map(([k, x]) => `${PROOF[k] ? L(PROOF[k]) : k} ${x}`)
                .join(', ')}
              {v.order.reconciled && <> · {L(W.reconciled)}</>}
            </p>
          ) : v.order ? (
            v.order.channel !== 'counter_cash' && (
              <button type="button" className="btn secondary" disabled={busy} onClick={() => void post('/api/v1/tenants/{tenant}/applications/{id}/payments/orders/{order}/check', { ...path, order: v.order!.id })}>
                {L(W.check)}
              </button>
            )
          ) : (
            <p>
              {L(W.choose)}{' '}
              {channels.map((c) => (
                <button key={c} type="button" className="btn secondary" disabled={busy} onClick={() => void post('/api/v1/tenants/{tenant}/applications/{id}/payments/orders', path, { channel: c })}>
                  {L(CHANNEL[c])}
                </button>
              ))}
            </p>
          )}
        </>
      )}
    </section>
  );
}

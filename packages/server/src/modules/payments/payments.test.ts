import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { BankH2hStandIn, GatewayStandIn, SimponiStandIn, SnapBankStandIn } from '@satupintu/testkit/standins';
import type { Platform } from '../../platform.js';
import { EXPIRE_JOB, RECONCILE_JOB, type PaymentService } from './service.js';

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}`;
const PASPOR = {
  jenisPaspor: 'paspor-elektronik-48', percepatan: true, nik: '3217061208900001', noKk: '3217061503120004', namaLengkap: 'Dadang Sunarya', tempatLahir: 'Bandung',
  tanggalLahir: '1990-08-12', jenisKelamin: 'laki-laki', namaIbuKandung: 'Euis Rohaeti', alamat: 'Jl. Raya Padalarang No. 12', noHp: '081234567890', email: 'dadang@example.id', tujuan: 'wisata',
};
const PBG = {
  jenisPermohonan: 'pembangunan-baru', nik: '3217060101900001', namaPemohon: 'Asep Hidayat', noHp: '081234567890', email: 'asep@example.id',
  fungsiBangunan: 'hunian', menggunakanDesainPrototipe: false, alamatLokasi: 'Jl. Raya Padalarang No. 10', desaKelurahan: 'Kertajaya', kecamatan: 'Padalarang',
  statusTanah: 'milik-sendiri', nomorSertipikat: '10.17.06.01.1.00123', luasLahan: 200, luasBangunan: 90, jumlahLantai: 2, tinggiBangunan: 8, nomorKkpr: 'KKPR-32170-2025-001',
};
const PERDA = 'Perda Kab. Bandung Barat 1/2024 tentang Pajak Daerah dan Retribusi Daerah (retribusi PBG)';
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Issue 24, payments, against stand-ins of SIMPONI and the regional bank (SNAP): a passport's
 * PNBP and a PBG's retribusi, each from assessment to a reconciled payment, with an expired
 * billing re-issued, a duplicate notification counted once and a forged one refused and recorded.
 */
describe('payments: assess, order, prove, reconcile (issue 24)', () => {
  let p: Platform;
  let simponi: SimponiStandIn;
  let bank: SnapBankStandIn;
  let gateway: GatewayStandIn;
  let teller: BankH2hStandIn;
  let admin: string;
  let citizen: string;
  let imigrasi: string;
  let dpmptsp: string;
  let payments: PaymentService;

  /** A submitted application waiting for payment (its earlier steps are covered by the workflow tests). */
  async function waiting(service: string, data: object, state: string): Promise<string> {
    const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service, data } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    await asTenant(p, T, (sql) => sql.exec(`update applications set status = 'submitted', state = $2, submitted_at = now() where id = $1`, [draft.body.id, state]));
    return draft.body.id;
  }

  before(async function () {
    this.timeout(60_000);
    p = sharedPlatform();
    payments = (p.services as unknown as { payments: PaymentService }).payments;
    // The stand-ins listen on loopback: allowed here as for the signed-event receivers (never in production).
    payments.allowLoopbackTargets(true);
    [admin, citizen, imigrasi, dpmptsp] = await Promise.all(['admin.kbb', 'warga.kbb', 'petugas.imigrasi.kbb', 'petugas.dpmptsp.kbb'].map((u) => tokenFor(p, u))) as [string, string, string, string];
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    simponi = await SimponiStandIn.start({ userId: 'kanim-bandung', password: 'simponi-pass-0123' });
    bank = await SnapBankStandIn.start({ partnerId: 'MPPKBB01', clientSecret: 'bjb-client-secret-0123456789', publicKeyPem: publicKey, callbackUrl: `${p.url}${base}/payment-callbacks/snap/v1.0/transfer-va/payment` });
    const put = async (channel: string, body: object) => {
      const r = await api(p, 'PUT', `${base}/payments/channels/${channel}`, { token: admin, body });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const s = await put('simponi', { enabled: true, config: { baseUrl: simponi.url, userId: 'kanim-bandung', satker: { imigrasi: { kodeKl: '013', kodeEselon1: '06', kodeSatker: '412345', kodeAkun: '425411' } } }, secrets: { password: 'simponi-pass-0123' } });
    assert.deepEqual([s.configured, s.secretsSet, JSON.stringify(s).includes('simponi-pass')], [true, ['password'], false], 'secrets are write-only');
    await put('snap_va', { enabled: true, config: { baseUrl: bank.url, partnerId: 'MPPKBB01', partnerServiceId: '   88810', channelId: '95221' }, secrets: { clientSecret: 'bjb-client-secret-0123456789', privateKeyPem: privateKey } });
    await put('counter_cash', { enabled: true, config: {} });
    await put('snap_qris', { enabled: true, config: { baseUrl: bank.url, partnerId: 'MPPKBB01', merchantId: 'KBB-RETRIBUSI', terminalId: 'MPP01', channelId: '95221' }, secrets: { clientSecret: 'bjb-client-secret-0123456789', privateKeyPem: privateKey } });
    // SSRF: a provider URL must be public (SIMPONI alone may sit on the government network).
    const metadata = await api(p, 'PUT', `${base}/payments/channels/snap_va`, { token: admin, body: { enabled: true, config: { baseUrl: 'http://169.254.169.254/latest' } } });
    assert.deepEqual([metadata.status, metadata.body.code, metadata.body.errors?.[0]?.pointer], [422, 'PAYMENT_CHANNEL_CONFIG_INVALID', '/config/baseUrl']);
    const govnet = await api(p, 'PUT', `${base}/payments/channels/simponi`, { token: admin, body: { enabled: true, config: { baseUrl: 'http://10.242.1.10', userId: 'x' } } });
    assert.equal(govnet.status, 200, JSON.stringify(govnet.body));
    await put('simponi', { enabled: true, config: { baseUrl: simponi.url, userId: 'kanim-bandung', satker: { imigrasi: { kodeKl: '013', kodeEselon1: '06', kodeSatker: '412345', kodeAkun: '425411' } } } });
    gateway = await GatewayStandIn.start({ serverKey: 'SB-Mid-server-kbb-0123456789', callbackUrl: `${p.url}${base}/payment-callbacks/gateway` });
    teller = await BankH2hStandIn.start({ secret: 'bjb-h2h-secret-0123456789', billerUrl: `${p.url}${base}/payment-h2h` });
    await put('pemda_h2h', { enabled: true, config: { prefix: '321701', settlementUrl: teller.url }, secrets: { bankSecret: 'bjb-h2h-secret-0123456789' } });
    await put('gateway', { enabled: true, config: { baseUrl: gateway.url, bank: 'bni', settlementPath: '/v1/settlements' }, secrets: { serverKey: 'SB-Mid-server-kbb-0123456789' } });
    const sealed = await asTenant(p, T, (sql) => sql.one<{ s: string }>(`select secrets_sealed::text as s from payment_channels where channel = 'snap_va'`));
    assert.ok(!sealed.s.includes('bjb-client-secret') && sealed.s.includes('"clientSecret": "v1.'), 'sealed at rest');
  });

  after(async () => {
    await simponi?.close();
    await bank?.close();
    await gateway?.close();
    await teller?.close();
  });

  it('PNBP passport fee: locked assessment, SIMPONI billing, expiry re-issued, NTPN+NTB proof moves the SOP, reconciled', async function () {
    this.timeout(90_000);
    const id = await waiting('imigrasi.paspor-baru', PASPOR, 'menunggu-bayar');
    const url = `${base}/applications/${id}/payments`;

    // The officer cannot confirm by hand once a fee is assessed: only a proven payment moves the step.
    const locked = await api(p, 'POST', `${url}/assessments`, { token: imigrasi, body: { lines: [{ code: 'diskon', amount: 1 }] } });
    assert.deepEqual([locked.status, locked.body.code], [422, 'PAYMENT_FEE_LOCKED']);
    const assessed = await api(p, 'POST', `${url}/assessments`, { token: imigrasi, body: {} });
    assert.equal(assessed.status, 201, JSON.stringify(assessed.body));
    assert.equal(assessed.body.assessment.total, 1_650_000, 'e-passport Rp650.000 + express Rp1.000.000');
    assert.equal(assessed.body.assessment.revenueType, 'pnbp');
    assert.deepEqual(assessed.body.assessment.legalBasis, ['PP 28/2019 (PNBP Kemenkumham)']);
    const again = await api(p, 'POST', `${url}/assessments`, { token: imigrasi, body: {} });
    assert.deepEqual([again.status, again.body.code], [409, 'PAYMENT_ASSESSMENT_EXISTS']);
    // Assessments are immutable in the database too.
    await assert.rejects(asTenant(p, T, (sql) => sql.exec(`update payment_assessments set total = 1 where application_id = $1`, [id])), /append-only/);
    const early = await api(p, 'POST', `${base}/applications/${id}/actions/confirm-payment`, { token: imigrasi, body: {} });
    assert.deepEqual([early.status, early.body.code], [409, 'PAYMENT_NOT_PROVEN']);
    // PNBP never goes to the regency's VA.
    const wrong = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'snap_va' } });
    assert.deepEqual([wrong.status, wrong.body.code], [422, 'PAYMENT_CHANNEL_NOT_FOR_FEE']);

    const ordered = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'simponi' } });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    const first = ordered.body.order;
    assert.match(first.reference, /^\d{15}$/);
    assert.ok(Date.parse(first.expiresAt) > Date.now() + 6 * 86_400_000, 'about 7 days');
    assert.equal(simponi.billings.get(first.reference)!.satker, '412345', 'issued for the agency’s satker');

    // The billing lapses unpaid: the job re-issues it (new code), the old one is expired.
    simponi.expire(first.reference);
    const later = new ManualClock(new Date(Date.now() + 8 * 86_400_000));
    assert.equal(await payments.expireAndReissue(await p.context({ tenant: T, clock: later })), 1);
    const reissued = (await api(p, 'GET', url, { token: citizen })).body;
    assert.notEqual(reissued.order.reference, first.reference);
    assert.equal(reissued.order.reissueOf, first.id);
    assert.equal(reissued.orders.find((o: { id: string }) => o.id === first.id).status, 'expired');
    assert.deepEqual(reissued.due, { amount: 1_650_000, until: reissued.order.expiresAt, reference: reissued.order.reference });

    // A "paid" redirect is nothing: the check asks SIMPONI, which says unpaid.
    const unpaid = await api(p, 'POST', `${url}/orders/${reissued.order.id}/check`, { token: citizen });
    assert.deepEqual([unpaid.status, unpaid.body.paid], [200, false]);
    const proof = simponi.pay(reissued.order.reference);
    const paid = await api(p, 'POST', `${url}/orders/${reissued.order.id}/check`, { token: citizen });
    assert.equal(paid.body.paid, true);
    assert.deepEqual(paid.body.order.proof, { ntpn: proof.ntpn, ntb: proof.ntb });
    // Checked twice: one payment event.
    await api(p, 'POST', `${url}/orders/${reissued.order.id}/check`, { token: citizen });
    const events = await asTenant(p, T, (sql) => sql.rows(`select * from payment_events where order_id = $1`, [reissued.order.id]));
    assert.equal(events.length, 1);
    // The proven payment took the SOP's payment action.
    const app = (await api(p, 'GET', `${base}/applications/${id}`, { token: citizen })).body;
    assert.equal(app.state.code, 'menunggu-kedatangan');
    assert.ok(app.timeline.some((e: { action: string }) => e.action === 'confirm-payment'));

    const rec = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'simponi', date: today() } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.ok(rec.body.matched >= 1);
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.order.reconciled, true);
  });

  it('retribusi PBG fee: officer-set formula fee, SNAP VA, forged notification refused and recorded, duplicate counted once, reconciliation with exceptions', async function () {
    this.timeout(90_000);
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const url = `${base}/applications/${id}/payments`;
    const missing = await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: {} });
    assert.deepEqual([missing.status, missing.body.code], [422, 'PAYMENT_ASSESSMENT_INVALID'], 'a formula fee needs the officer’s lines');
    const a1 = await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 2_400_000, legalBasis: PERDA }] } });
    assert.equal(a1.status, 201, JSON.stringify(a1.body));
    assert.equal(a1.body.assessment.revenueType, 'retribusi');
    // A correction is a superseding assessment with a reason; the first stays in history.
    const a2 = await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 2_350_000, legalBasis: PERDA }], reason: 'Luas bangunan terverifikasi 88 m², bukan 90 m²' } });
    assert.equal(a2.status, 201, JSON.stringify(a2.body));
    assert.deepEqual([a2.body.assessment.total, a2.body.assessment.supersedes, a2.body.history.length], [2_350_000, a1.body.assessment.id, 1]);
    assert.ok(a2.body.assessment.legalBasis.includes(PERDA));
    const audit = await asTenant(p, T, (sql) => sql.rows(`select * from audit_events where action = 'payment.assessment.superseded' and subject = $1`, [`application:${id}`]));
    assert.equal(audit.length, 1);

    // A bill withdrawn by a superseding assessment and paid anyway: recorded, not paid, in the finance queue.
    const stale = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'snap_va' } });
    assert.equal(stale.status, 201, JSON.stringify(stale.body));
    const a3 = await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 2_300_000, legalBasis: PERDA }], reason: 'Koreksi tarif per m² sesuai Perbup' } });
    assert.equal(a3.status, 201, JSON.stringify(a3.body));
    assert.equal(a3.body.orders.find((o: { id: string }) => o.id === stale.body.order.id).status, 'cancelled');
    const late = bank.pay(stale.body.order.reference);
    assert.equal((await bank.notify(late.raw)).status, 200);
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.paid, false);
    const queued = (await api(p, 'GET', `${base}/payments/exceptions`, { token: admin })).body.items.find((x: { ref: string }) => x.ref === late.paymentRequestId);
    assert.deepEqual([queued?.kind, queued?.detail.note], ['unmatched_platform', 'order cancelled']);

    const ordered = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'snap_va' } });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    const va = ordered.body.order.reference;
    assert.ok(bank.vas.has(va));
    assert.deepEqual(ordered.body.order.how.id.includes('virtual account'), true);

    const note = bank.pay(va);
    // Forged: refused 403, recorded, nothing paid.
    const forged = await bank.notify(note.raw, { forgeWith: 'not-the-secret' });
    assert.deepEqual([forged.status, forged.json.code], [403, 'PAYMENT_NOTIFICATION_UNVERIFIED']);
    const refused = await asTenant(p, T, (sql) => sql.rows(`select * from payment_events where kind = 'refused' and channel = 'snap_va' and not verified`));
    assert.ok(refused.length >= 1);
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.paid, false);
    // Genuine, then the same notification again (a bank retry): counted once.
    const ok1 = await bank.notify(note.raw);
    assert.equal(ok1.status, 200, JSON.stringify(ok1.json));
    assert.deepEqual([ok1.json.responseCode, ok1.json.duplicate], ['2002500', false]);
    const ok2 = await bank.notify(note.raw);
    assert.deepEqual([ok2.status, ok2.json.duplicate], [200, true]);
    const events = await asTenant(p, T, (sql) => sql.rows(`select * from payment_events where channel = 'snap_va' and provider_txn_id = $1`, [note.paymentRequestId]));
    assert.equal(events.length, 1);
    const view = (await api(p, 'GET', url, { token: citizen })).body;
    assert.deepEqual([view.paid, view.order.proof], [true, { bankRef: note.referenceNo }]);
    assert.equal((await api(p, 'GET', `${base}/applications/${id}`, { token: citizen })).body.state.code, 'penerbitan');

    // The bank's report also holds a payment never notified here: an exception for the finance officer.
    bank.settleSilently(`   88810${'9'.repeat(12)}`, 75_000);
    const rec = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'snap_va', date: today() } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.ok(rec.body.matched >= 1);
    assert.equal(rec.body.unmatchedPlatform, 1);
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.order.reconciled, true);
    const ex = await api(p, 'GET', `${base}/payments/exceptions`, { token: admin });
    assert.equal(ex.status, 200);
    const open = ex.body.items.find((x: { kind: string; amount: number }) => x.kind === 'unmatched_platform' && x.amount === 75_000);
    assert.ok(open);
    const resolved = await api(p, 'POST', `${base}/payments/exceptions/${open.id}/resolve`, { token: admin, body: { note: 'Setoran salah VA, dikembalikan oleh BPD' } });
    assert.deepEqual([resolved.status, resolved.body.status], [200, 'resolved']);
    // A rerun adds no second exception.
    const rerun = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'snap_va', date: today() } });
    assert.equal(rerun.status, 200);
    assert.equal((await api(p, 'GET', `${base}/payments/exceptions?status=open`, { token: admin })).body.items.filter((x: { amount: number }) => x.amount === 75_000).length, 0);

    const health = await api(p, 'GET', `${base}/payments/connection`, { token: admin });
    assert.equal(health.status, 200);
    const snap = health.body.channels.find((c: { channel: string }) => c.channel === 'snap_va');
    assert.deepEqual([snap.configured, snap.enabled, snap.lastError], [true, true, null]);
    assert.ok(snap.lastSuccessAt);
    assert.equal((await api(p, 'GET', `${base}/payments/connection`, { token: citizen })).status, 403);
  });

  it('a sandbox never calls a real provider: the order is refused and the stand-in hears nothing', async function () {
    this.timeout(60_000);
    const slug = `kbb-bayar-${Date.now().toString(36)}`;
    const made = await api(p, 'POST', `/api/v1/tenants/${T}/sandboxes`, { token: admin, body: { slug } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const sb = `/api/v1/tenants/${slug}`;
    const put = await api(p, 'PUT', `${sb}/payments/channels/simponi`, { token: admin, body: { enabled: true, config: { baseUrl: simponi.url, userId: 'kanim-bandung', satker: { imigrasi: { kodeKl: '013', kodeEselon1: '06', kodeSatker: '412345', kodeAkun: '425411' } } }, secrets: { password: 'simponi-pass-0123' } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const draft = await api(p, 'POST', `${sb}/applications`, { token: citizen, body: { service: 'imigrasi.paspor-baru', data: PASPOR } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    await asTenant(p, slug, (sql) => sql.exec(`update applications set status = 'submitted', state = 'menunggu-bayar', submitted_at = now() where id = $1`, [draft.body.id]));
    assert.equal((await api(p, 'POST', `${sb}/applications/${draft.body.id}/payments/assessments`, { token: imigrasi, body: {} })).status, 201);
    const calls = simponi.calls.length;
    const refused = await api(p, 'POST', `${sb}/applications/${draft.body.id}/payments/orders`, { token: citizen, body: { channel: 'simponi' } });
    assert.deepEqual([refused.status, refused.body.code], [409, 'PAYMENT_SANDBOX_NO_PROVIDER']);
    assert.equal(simponi.calls.length, calls);
    assert.equal((await api(p, 'GET', `${sb}/payments/connection`, { token: admin })).body.sandbox, true);
  });

  it('contracted gateway: a signed notification counts only after the status re-check; duplicates once; reconciled', async function () {
    this.timeout(60_000);
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const url = `${base}/applications/${id}/payments`;
    assert.equal((await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 980_000, legalBasis: PERDA }] } })).status, 201);
    const ordered = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'gateway' } });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    const orderId = ordered.body.order.id;
    assert.equal(gateway.txns.get(orderId)!.vaNumber, ordered.body.order.reference);

    // Correctly signed, but the gateway's own status says pending: refused and recorded, nothing paid.
    const early = await gateway.notify(gateway.claim(orderId, 'settlement'));
    assert.deepEqual([early.status, early.json.code], [403, 'PAYMENT_NOTIFICATION_UNVERIFIED']);
    // A tampered amount breaks the signature.
    const tampered = JSON.parse(gateway.claim(orderId, 'settlement'));
    tampered.gross_amount = '1.00';
    assert.equal((await gateway.notify(JSON.stringify(tampered))).status, 403);
    // A genuine "pending" is acknowledged and changes nothing.
    const pending = await gateway.notify(gateway.claim(orderId, 'pending'));
    assert.deepEqual([pending.status, (await api(p, 'GET', url, { token: citizen })).body.paid], [200, false]);

    const raw = gateway.pay(orderId);
    const first = await gateway.notify(raw);
    assert.deepEqual([first.status, first.json.duplicate], [200, false], JSON.stringify(first.json));
    const second = await gateway.notify(raw);
    assert.deepEqual([second.status, second.json.duplicate], [200, true]);
    const view = (await api(p, 'GET', url, { token: citizen })).body;
    assert.deepEqual([view.paid, view.order.proof], [true, { bankRef: gateway.txns.get(orderId)!.transactionId }]);
    assert.equal((await api(p, 'GET', `${base}/applications/${id}`, { token: citizen })).body.state.code, 'penerbitan');

    const rec = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'gateway', date: today() } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.deepEqual([rec.body.matched >= 1, rec.body.unmatchedPlatform], [true, 0]);
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.order.reconciled, true);
  });

  it('host-to-host: the platform is the regency’s biller; the bank inquires, pays (once), reverses; the recap reconciles', async function () {
    this.timeout(60_000);
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const url = `${base}/applications/${id}/payments`;
    assert.equal((await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 640_000, legalBasis: PERDA }] } })).status, 201);
    const ordered = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'pemda_h2h' } });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    const kode = ordered.body.order.reference;
    assert.match(kode, /^321701\d{10}$/);

    const forged = await teller.inquiry(kode, { forgeWith: 'guess' });
    assert.deepEqual([forged.status, forged.json.code], [403, 'PAYMENT_NOTIFICATION_UNVERIFIED']);
    const inq = await teller.inquiry(kode);
    assert.equal(inq.status, 200, JSON.stringify(inq.json));
    assert.deepEqual([inq.json.status, inq.json.amount], ['00', 640_000]);
    assert.equal((await teller.inquiry('321701999')).json.status, '01');

    const paid = await teller.pay(kode, 640_000);
    assert.deepEqual([paid.status, paid.json.duplicate], [200, false], JSON.stringify(paid.json));
    const retry = await teller.pay(kode, 640_000, paid.noResi);
    assert.deepEqual([retry.status, retry.json.duplicate], [200, true]);
    assert.equal((await teller.inquiry(kode)).json.status, '02');
    const view = (await api(p, 'GET', url, { token: citizen })).body;
    assert.deepEqual([view.paid, view.order.proof], [true, { bankRef: paid.noResi }]);

    const rec = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'pemda_h2h', date: today() } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.order.reconciled, true);

    const rev = await teller.reverse(kode, paid.noResi, 640_000);
    assert.equal(rev.status, 200, JSON.stringify(rev.json));
    const after = (await api(p, 'GET', url, { token: citizen })).body;
    assert.equal(after.orders.find((o: { reference: string }) => o.reference === kode).status, 'reversed');
    assert.equal(after.paid, false);
  });

  it('the nightly jobs walk every tenant: expiry and reconciliation of each enabled bank channel; the ministry analyst sees nothing personal', async function () {
    this.timeout(60_000);
    const region = (await p.services.tenants.get(T)).homeRegion;
    const expired = (await p.runJob(EXPIRE_JOB, { region })) as { reissued: number }[];
    assert.ok(Array.isArray(expired) && expired.every((r) => typeof r.reissued === 'number'));
    const runs = (await p.runJob(RECONCILE_JOB, { region })) as { runs: number }[];
    assert.ok(runs.reduce((n, r) => n + r.runs, 0) >= 5, JSON.stringify(runs));
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const denied = await api(p, 'GET', `${base}/applications/${id}/payments`, { token: analyst });
    assert.deepEqual([denied.status, denied.body.code], [403, 'ROLE_REQUIRED']);
  });

  it('dynamic QRIS through the regency’s bank: a QR per bill with the amount, the signed notify re-checked, counted once', async function () {
    this.timeout(60_000);
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const url = `${base}/applications/${id}/payments`;
    assert.equal((await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 420_000, legalBasis: PERDA }] } })).status, 201);
    const ordered = await api(p, 'POST', `${url}/orders`, { token: citizen, body: { channel: 'snap_qris' } });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    assert.match(ordered.body.order.qrContent, /^000201010212.*5405420000\.00/);
    const raw = bank.payQr(ordered.body.order.reference);
    assert.equal((await bank.notify(raw, { qris: true, forgeWith: 'x' })).status, 403);
    const first = await bank.notify(raw, { qris: true });
    assert.deepEqual([first.status, first.json.duplicate], [200, false], JSON.stringify(first.json));
    assert.equal((await bank.notify(raw, { qris: true })).json.duplicate, true);
    const view = (await api(p, 'GET', url, { token: citizen })).body;
    assert.deepEqual([view.paid, view.order.qrContent], [true, null]);
    const rec = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'snap_qris', date: today() } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.equal((await api(p, 'GET', url, { token: citizen })).body.order.reconciled, true);
  });

  it('cash at the counter: the receipt is the proof; the amount must be the bill’s', async function () {
    this.timeout(60_000);
    const id = await waiting('dpmptsp.pbg', PBG, 'menunggu-pembayaran');
    const url = `${base}/applications/${id}/payments`;
    assert.equal((await api(p, 'POST', `${url}/assessments`, { token: dpmptsp, body: { lines: [{ code: 'retribusi-pbg', amount: 150_000, legalBasis: PERDA }] } })).status, 201);
    const short = await api(p, 'POST', `${url}/cash`, { token: dpmptsp, body: { receiptNo: 'STS-2026-0001', amount: 100_000 } });
    assert.deepEqual([short.status, short.body.code], [422, 'PAYMENT_CASH_INVALID']);
    assert.equal((await api(p, 'POST', `${url}/cash`, { token: citizen, body: { receiptNo: 'STS-2026-0001', amount: 150_000 } })).status, 403);
    const paid = await api(p, 'POST', `${url}/cash`, { token: dpmptsp, body: { receiptNo: 'STS-2026-0001', amount: 150_000 } });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.deepEqual([paid.body.paid, paid.body.order.channel, paid.body.order.proof], [true, 'counter_cash', { receiptNo: 'STS-2026-0001' }]);
    const twice = await api(p, 'POST', `${url}/cash`, { token: dpmptsp, body: { receiptNo: 'STS-2026-0001', amount: 150_000 } });
    assert.deepEqual([twice.status, twice.body.code], [409, 'PAYMENT_ALREADY_PAID']);
  });

  it('checks a provider URL again before every call, on what its name resolves to then: inside the network is never called (SIMPONI alone may be on the government network)', async function () {
    this.timeout(60_000);
    const put = (channel: string, body: object) => api(p, 'PUT', `${base}/payments/channels/${channel}`, { token: admin, body });
    const reconcile = () => api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'gateway', date: today() } });
    // A public-looking name, accepted when saved, that resolves to a private address at call time.
    const answers = new Map<string, string>([['pg.bank-kbb.example', '10.20.30.40'], ['simponi.kemenkeu.example', '169.254.169.254']]);
    payments.useResolver(async (host) => {
      const a = answers.get(host);
      if (!a) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [{ address: a, family: 4 }];
    });
    try {
      assert.equal((await put('gateway', { enabled: true, config: { baseUrl: 'https://pg.bank-kbb.example', bank: 'bni', settlementPath: '/v1/settlements' } })).status, 200);
      const refused = await reconcile();
      assert.deepEqual([refused.status, refused.body.code], [503, 'PAYMENT_PROVIDER_FAILED']);
      assert.equal(refused.body.i18n.en.detail, 'Provider: target refused or unreachable', 'no address, port or banner');
      const health = (await api(p, 'GET', `${base}/payments/connection`, { token: admin })).body.channels.find((c: { channel: string }) => c.channel === 'gateway');
      assert.equal(health.lastError, 'target refused or unreachable');
      // SIMPONI may be on the government network (a private address), never on link-local / metadata.
      assert.equal((await put('simponi', { enabled: true, config: { baseUrl: 'https://simponi.kemenkeu.example', userId: 'kanim-bandung' } })).status, 200);
      const metadata = await api(p, 'POST', `${base}/payments/reconciliations`, { token: admin, body: { channel: 'simponi', date: today() } });
      assert.deepEqual([metadata.status, metadata.body.i18n?.en?.detail], [503, 'Provider: target refused or unreachable']);
      // A name that does not resolve is the same failure.
      answers.delete('pg.bank-kbb.example');
      assert.equal((await reconcile()).body.i18n.en.detail, 'Provider: target refused or unreachable');
    } finally {
      payments.useResolver(undefined);
      await put('gateway', { enabled: true, config: { baseUrl: gateway.url, bank: 'bni', settlementPath: '/v1/settlements' } });
      await put('simponi', { enabled: true, config: { baseUrl: simponi.url, userId: 'kanim-bandung', satker: { imigrasi: { kodeKl: '013', kodeEselon1: '06', kodeSatker: '412345', kodeAkun: '425411' } } } });
    }
    // Back on the stand-in's address: the same call goes through.
    const ok = await reconcile();
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });
});

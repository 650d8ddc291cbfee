import assert from 'node:assert/strict';
import { SmtpReceiver } from '@satupintu/testkit/standins';
import { SmtpMailer } from './email.js';
import { ChannelError, type FailureKind } from './types.js';

const USER = 'relay-kbb';
const PASS = 'p@ss word:1';
const FROM = 'noreply@mpp.bandungbaratkab.go.id';

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ChannelError, `expected ChannelError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the send to fail');
}

function assertKind(err: ChannelError, kind: FailureKind, code?: string): void {
  assert.equal(err.kind, kind, `${err.kind} (${err.providerCode ?? ''}): ${err.message}`);
  if (code) assert.equal(err.providerCode, code);
}

describe('connectors: SMTP mailer against the receiver stand-in', () => {
  let rx: SmtpReceiver;
  const mailers: SmtpMailer[] = [];
  const mailer = (url = rx.url, timeoutMs = 3000): SmtpMailer => {
    const m = new SmtpMailer({ url, from: FROM, timeoutMs });
    mailers.push(m);
    return m;
  };
  const msg = (over: Partial<Parameters<SmtpMailer['send']>[0]> = {}): Parameters<SmtpMailer['send']>[0] => ({
    fromName: 'MPP Kab. Bandung Barat',
    to: 'warga@example.id',
    subject: 'Permohonan SIUP-0042 selesai',
    text: 'Permohonan Anda telah selesai diproses.',
    html: '<p>Permohonan Anda telah <b>selesai</b> diproses.</p>',
    reference: 'ntf_01JABCDEF',
    replyTo: 'helpdesk@mpp.bandungbaratkab.go.id',
    ...over,
  });

  beforeEach(async () => {
    rx = await SmtpReceiver.start({ user: USER, pass: PASS });
  });

  afterEach(async () => {
    for (const m of mailers.splice(0)) m.close();
    await rx.stop();
  });

  it('delivers with From name, subject, reference header and a queue id as providerId', async () => {
    const m = mailer();
    await m.verify();
    const res = await m.send(msg());
    const [got] = await rx.waitFor(1, 5000);
    assert.ok(got);
    assert.equal(got.fromName, 'MPP Kab. Bandung Barat');
    assert.equal(got.fromAddress, FROM);
    assert.equal(got.envelopeFrom, FROM);
    assert.deepEqual(got.to, ['warga@example.id']);
    assert.equal(got.subject, 'Permohonan SIUP-0042 selesai');
    assert.equal(got.text.trim(), 'Permohonan Anda telah selesai diproses.');
    assert.match(got.html ?? '', /<b>selesai<\/b>/);
    assert.equal(got.reference, 'ntf_01JABCDEF');
    assert.equal(got.headers['x-satupintu-reference'], 'ntf_01JABCDEF');
    assert.match(got.headers['reply-to'] ?? '', /helpdesk@mpp\.bandungbaratkab\.go\.id/);
    assert.equal(got.messageId, m.messageIdFor('ntf_01JABCDEF'));
    assert.equal(res.providerId, got.queueId);
    assert.ok(rx.logins.every((l) => l.ok));
  });

  it('a retry of the same notification reuses the Message-ID; another notification gets its own', async () => {
    const m = mailer();
    await m.send(msg());
    await m.send(msg());
    await m.send(msg({ reference: 'ntf_other/with spaces' }));
    const got = await rx.waitFor(3, 5000);
    assert.equal(got[0]!.messageId, got[1]!.messageId);
    assert.notEqual(got[2]!.messageId, got[0]!.messageId);
    assert.match(got[2]!.messageId, /^<[0-9a-f]{32}\.notification@mpp\.bandungbaratkab\.go\.id>$/);
    assert.equal(got[2]!.reference, 'ntf_other/with spaces');
  });

  it('rejected recipient (550 on RCPT) → permanent', async () => {
    rx.rejectRecipient('hilang@example.id');
    const err = await failure(mailer().send(msg({ to: 'hilang@example.id' })));
    assertKind(err, 'permanent', '550');
    assert.ok(!err.message.includes('hilang@'));
    assert.equal(rx.messages.length, 0);
  });

  it('451 → temporary, and the next attempt goes through', async () => {
    const m = mailer();
    rx.failNextWith(451);
    assertKind(await failure(m.send(msg())), 'temporary', '451');
    await m.send(msg());
    assert.equal((await rx.waitFor(1, 5000)).length, 1);
  });

  it('a 4xx on RCPT is temporary too', async () => {
    rx.rejectRecipient('penuh@example.id', 452);
    assertKind(await failure(mailer().send(msg({ to: 'penuh@example.id' }))), 'temporary', '452');
  });

  it('wrong password → technical (535)', async () => {
    const url = rx.url.replace(encodeURIComponent(PASS), 'wrong');
    assertKind(await failure(mailer(url).send(msg())), 'technical', '535');
    assertKind(await failure(mailer(url).verify()), 'technical', '535');
    assert.ok(rx.logins.some((l) => !l.ok));
    assert.equal(rx.messages.length, 0);
  });

  it('receiver down (connection refused) → temporary', async () => {
    const down = await SmtpReceiver.start({ user: USER, pass: PASS });
    const url = down.url;
    await down.stop();
    const err = await failure(mailer(url, 2000).send(msg()));
    assertKind(err, 'temporary');
    assertKind(await failure(mailer(url, 2000).verify()), 'temporary');
  });
});

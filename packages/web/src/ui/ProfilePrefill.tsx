import { useState } from 'react';
import { Link } from 'wouter';
import { client, ProblemError, unwrap } from '../api.js';
import { ErrorBox } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized, ServiceDetail } from '../types.js';

const W = {
  button: { id: 'Isi dari profil saya', en: 'Fill in from my profile' },
  hint: { id: 'Nama, NIK, alamat, nomor HP dan email dari profil pemohon Anda; isian yang sudah Anda ketik tidak diubah.', en: 'Name, NIK, address, mobile number and email from your applicant profile; answers you already typed are not changed.' },
  consentTitle: { id: 'Izinkan {agency} memakai profil Anda?', en: 'Let {agency} use your profile?' },
  statement: {
    id: 'Saya setuju profil pemohon saya (NIK, nama, alamat, nomor HP dan email) dipakai untuk mengisi formulir {agency}. Persetujuan ini dapat saya cabut kapan saja di halaman Profil pemohon.',
    en: 'I agree that my applicant profile (NIK, name, address, mobile number and email) is used to fill in the forms of {agency}. I can withdraw this consent at any time on the Applicant profile page.',
  },
  agree: { id: 'Setuju dan isi', en: 'Agree and fill in' },
  cancel: { id: 'Tidak, saya isi sendiri', en: 'No, I will type it myself' },
  noProfile: { id: 'Anda belum punya profil pemohon. Isi sekali, lalu formulir berikutnya bisa diisi dengan satu tombol.', en: 'You have no applicant profile yet. Fill it in once; the next forms can then be filled with one button.' },
  makeProfile: { id: 'Isi profil pemohon', en: 'Fill in the applicant profile' },
  filled: { id: '{n} isian diisi dari profil Anda. Periksa sebelum melanjutkan.', en: '{n} answers filled in from your profile. Check them before you go on.' },
  kept: { id: '{n} isian yang sudah Anda ketik tidak diubah.', en: '{n} answers you already typed were not changed.' },
  nothing: { id: 'Tidak ada isian formulir ini yang bisa diisi dari profil Anda.', en: 'None of this form’s answers can be filled in from your profile.' },
} satisfies Record<string, Localized>;

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** What a fill did: answers filled, and answers the person had typed that were left as they were. */
export interface PrefillOutcome {
  filled: number;
  kept: number;
}

/**
 * "Isi dari profil saya" on the citizen's own form (issue 23, journeys): the applicant profile asked
 * once fills the form's empty answers — never one the person typed — and only after the person
 * agreed, once per agency, to the very statement shown here (UU 27/2022; recorded with it). Nothing
 * is requested before the button is pressed: no extra request on a slow network for those who
 * never use it.
 */
export function ProfilePrefill({ tenant, service, apply }: { tenant: string; service: ServiceDetail; apply(values: Record<string, string>): PrefillOutcome }) {
  const { L, lang } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'consent' } | { kind: 'no-profile' } | { kind: 'done'; outcome: PrefillOutcome }>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const agency = L(service.agency.name);
  const statement = fill(W.statement[lang], { agency });

  const load = async () => {
    const p = await unwrap(client.GET('/api/v1/tenants/{tenant}/me/profile/prefill/{service}', { params: { path: { tenant, service: service.id } } }));
    setState({ kind: 'done', outcome: apply(p.data) });
  };
  const go = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    fn()
      .catch((e: unknown) => {
        if (e instanceof ProblemError && e.code === 'PROFILE_CONSENT_REQUIRED') setState({ kind: 'consent' });
        else if (e instanceof ProblemError && e.code === 'PROFILE_NOT_FOUND') setState({ kind: 'no-profile' });
        else setError(e);
      })
      .finally(() => setBusy(false));
  };
  const agree = () =>
    go(async () => {
      await unwrap(client.PUT('/api/v1/tenants/{tenant}/me/profile/consents/{agency}', { params: { path: { tenant, agency: service.agency.code } }, body: { statement } }));
      await load();
    });

  return (
    <section className="profile-prefill" aria-label={L(W.button)}>
      <ErrorBox error={error} />
      {state.kind === 'consent' ? (
        <div className="alert" role="group" aria-labelledby="prefill-consent-title">
          <h3 id="prefill-consent-title">{fill(L(W.consentTitle), { agency })}</h3>
          <p>{statement}</p>
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={agree}>
              {L(W.agree)}
            </button>
            <button type="button" className="btn secondary" disabled={busy} onClick={() => setState({ kind: 'idle' })}>
              {L(W.cancel)}
            </button>
          </div>
        </div>
      ) : (
        <>
          <button type="button" className="btn secondary" disabled={busy} onClick={() => go(load)} aria-describedby="prefill-hint">
            {L(W.button)}
          </button>
          <p id="prefill-hint" className="muted small">
            {L(W.hint)}
          </p>
        </>
      )}
      <div role="status" aria-live="polite">
        {state.kind === 'no-profile' && (
          <p className="alert">
            {L(W.noProfile)} <Link href={`/t/${tenant}/profil`}>{L(W.makeProfile)}</Link>
          </p>
        )}
        {state.kind === 'done' && (
          <p className="alert ok">
            {state.outcome.filled > 0 ? fill(L(W.filled), { n: state.outcome.filled }) : L(W.nothing)}
            {state.outcome.kept > 0 && ` ${fill(L(W.kept), { n: state.outcome.kept })}`}
          </p>
        )}
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useSearch } from 'wouter';
import { client, everyItem, unwrap } from '../api.js';
import { useAuth } from '../auth.js';
import { Async, ErrorBox, Notice, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized, RequestBody } from '../types.js';

type SkmResponse = RequestBody<'answerSkm'>;
const PROFILE_KEYS: (keyof SkmResponse['profile'])[] = ['sex', 'ageBand', 'education', 'occupation'];

const PROFILE_LABELS: Record<keyof SkmResponse['profile'], Localized> = {
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  ageBand: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
};

/** The nine answers (U1–U9), once every one is given. */
function allAnswers(a: Partial<Record<string, number>>): SkmResponse['answers'] | null {
  const { U1, U2, U3, U4, U5, U6, U7, U8, U9 } = a;
  if (U1 === undefined || U2 === undefined || U3 === undefined || U4 === undefined || U5 === undefined || U6 === undefined || U7 === undefined || U8 === undefined || U9 === undefined) return null;
  return { U1, U2, U3, U4, U5, U6, U7, U8, U9 };
}

/**
 * `/t/{tenant}/skm[?token=…]`: the satisfaction survey (SKM, PermenPAN-RB 14/2017). Anonymous: the
 * invitation token (from "my invitations", a counter QR code or a message) is the only credential.
 */
export function Survey({ tenant }: { tenant: string }) {
  const { t, L, lang, fmtDate } = useI18n();
  const { user } = useAuth();
  const [token, setToken] = useState(new URLSearchParams(useSearch()).get('token') ?? '');
  const q = useAsync(() => unwrap(client.GET('/api/v1/skm/questionnaire')), []);
  // Every open invitation of the signed-in citizen (a handful: one per completed application).
  const invitations = useAsync(
    () => (user ? everyItem((cursor) => client.GET('/api/v1/tenants/{tenant}/skm/invitations', { params: { path: { tenant }, query: { limit: 200, cursor } } })) : Promise.resolve([])),
    [tenant, user],
  );
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Record<string, string>>({});
  const [suggestion, setSuggestion] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  return (
    <>
      <PageTitle sub={q.data?.regulation}>{t('survey')}</PageTitle>
      <ErrorBox error={error} />
      {done && <Notice>{lang === 'id' ? 'Terima kasih, jawaban Anda tercatat tanpa identitas.' : 'Thank you; your answers were recorded anonymously.'}</Notice>}
      <Async state={invitations}>
        {(items) =>
          items.length > 0 ? (
            <section className="card">
              <h2 className="h3">{lang === 'id' ? 'Undangan survei saya' : 'My survey invitations'}</h2>
              <ul>
                {items.map((i) => (
                  <li key={i.id}>
                    <button type="button" className="link" onClick={() => setToken(i.token)}>
                      {i.applicationTrackingCode} · {i.service}
                    </button>{' '}
                    <span className="muted small">
                      ({lang === 'id' ? 'berlaku sampai' : 'open until'} {fmtDate(i.expiresAt)})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null
        }
      </Async>
      {!done && (
        <Async state={q}>
          {(qs) => (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                const all = allAnswers(answers);
                const sex = qs.profile.sex.find((v) => v === profile.sex);
                const ageBand = qs.profile.ageBand.find((v) => v === profile.ageBand);
                const education = qs.profile.education.find((v) => v === profile.education);
                const occupation = qs.profile.occupation.find((v) => v === profile.occupation);
                if (!all || !sex || !ageBand || !education || !occupation) {
                  setError(new Error(lang === 'id' ? 'Jawab semua pertanyaan dan lengkapi profil.' : 'Answer every question and complete the profile.'));
                  return;
                }
                const body: SkmResponse = { invitation: token.trim(), answers: all, profile: { sex, ageBand, education, occupation }, ...(suggestion.trim() ? { suggestion: suggestion.trim() } : {}) };
                unwrap(client.POST('/api/v1/tenants/{tenant}/skm/responses', { params: { path: { tenant } }, body })).then(() => setDone(true), setError);
              }}
            >
              <div className="field">
                <label htmlFor="tok">{lang === 'id' ? 'Kode undangan' : 'Invitation code'}</label>
                <input id="tok" required className="mono" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
              </div>
              {qs.elements.map((el) => (
                <fieldset key={el.element} className="plain">
                  <legend className="label">
                    {el.element}. {L(el.name)}
                  </legend>
                  {el.options.map((o) => (
                    <label key={o.value} className="inline">
                      <input type="radio" name={el.element} required value={o.value} checked={answers[el.element] === o.value} onChange={() => setAnswers({ ...answers, [el.element]: o.value })} /> {o.label}
                    </label>
                  ))}
                </fieldset>
              ))}
              <div className="grid2">
                {PROFILE_KEYS.map((k) => (
                  <div className="field" key={k}>
                    <label htmlFor={`p-${k}`}>{L(PROFILE_LABELS[k])}</label>
                    <select id={`p-${k}`} required value={profile[k] ?? ''} onChange={(e) => setProfile({ ...profile, [k]: e.target.value })}>
                      <option value="">–</option>
                      {qs.profile[k].map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
              <div className="field">
                <label htmlFor="sug">{lang === 'id' ? 'Saran (opsional)' : 'Suggestion (optional)'}</label>
                <textarea id="sug" rows={2} maxLength={2000} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
              </div>
              <button type="submit" className="btn">
                {lang === 'id' ? 'Kirim survei' : 'Send survey'}
              </button>
            </form>
          )}
        </Async>
      )}
    </>
  );
}

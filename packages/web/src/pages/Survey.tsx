import { useState } from 'react';
import { useSearch } from 'wouter';
import { api, enc } from '../api.js';
import { useAuth } from '../auth.js';
import { Async, ErrorBox, Notice, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';

interface Questionnaire {
  regulation: string;
  elements: { element: string; name: Localized; options: { value: number; label: string }[] }[];
  profile: { sex: string[]; ageBand: string[]; education: string[]; occupation: string[] };
}

interface Invitation {
  id: string;
  token: string;
  service: string;
  applicationTrackingCode: string;
  expiresAt: string;
}

const PROFILE_LABELS: Record<string, Localized> = {
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  ageBand: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
};

/**
 * `/t/{tenant}/skm[?token=…]`: the satisfaction survey (SKM, PermenPAN-RB 14/2017). Anonymous: the
 * invitation token (from "my invitations", a counter QR code or a message) is the only credential.
 */
export function Survey({ tenant }: { tenant: string }) {
  const { t, L, lang, fmtDate } = useI18n();
  const { user } = useAuth();
  const [token, setToken] = useState(new URLSearchParams(useSearch()).get('token') ?? '');
  const q = useAsync(() => api<Questionnaire>('/api/v1/skm/questionnaire'), []);
  const invitations = useAsync(
    () => (user ? api<{ items: Invitation[] }>(`/api/v1/tenants/${enc(tenant)}/skm/invitations`) : Promise.resolve({ items: [] as Invitation[] })),
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
        {({ items }) =>
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
                api(`/api/v1/tenants/${enc(tenant)}/skm/responses`, { method: 'POST', body: { invitation: token.trim(), answers, profile, ...(suggestion.trim() ? { suggestion: suggestion.trim() } : {}) } }).then(() => setDone(true), setError);
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
                {(Object.keys(PROFILE_LABELS) as (keyof Questionnaire['profile'])[]).map((k) => (
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

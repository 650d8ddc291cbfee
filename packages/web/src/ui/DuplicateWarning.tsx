import { useI18n } from '../i18n.js';
import type { Application } from '../types.js';

/** Another active application by the same NIK for the same service, as the API may report it. */
type Duplicate = { id: string; trackingCode: string; status: string; submittedAt: string | null };

const S = {
  title: { id: 'Mungkin permohonan ganda', en: 'Possibly a duplicate application' },
  body: {
    id: 'NIK yang sama sudah punya permohonan aktif untuk layanan ini. Periksa dulu sebelum memproses:',
    en: 'The same NIK already has an active application for this service. Check it before you go on:',
  },
  submitted: { id: 'diajukan', en: 'submitted' },
};

/** A warning when the application carries `possibleDuplicates`; nothing when it does not. */
export function DuplicateWarning({ application }: { application: Application }) {
  const { L, fmtDate } = useI18n();
  const dups = (application as Application & { possibleDuplicates?: Duplicate[] }).possibleDuplicates;
  if (!Array.isArray(dups) || dups.length === 0) return null;
  return (
    <section className="dup-warning" role="note" aria-labelledby="dup-h">
      <h2 id="dup-h">{L(S.title)}</h2>
      <p>{L(S.body)}</p>
      <ul>
        {dups.map((d) => (
          <li key={d.id}>
            <span className="mono">{d.trackingCode}</span>
            {d.submittedAt ? ` · ${L(S.submitted)} ${fmtDate(d.submittedAt, true)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

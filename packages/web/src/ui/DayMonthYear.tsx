import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';
import './day-month-year.css';

const WORDS = {
  day: { id: 'Tanggal', en: 'Day' },
  month: { id: 'Bulan', en: 'Month' },
  year: { id: 'Tahun', en: 'Year' },
  hint: { id: 'Contoh: 17 8 2026', en: 'For example: 17 8 2026' },
} satisfies Record<string, Localized>;

type Parts = { d: string; m: string; y: string };
const partsOf = (iso: string): Parts => {
  const [y = '', m = '', d = ''] = iso ? iso.split('-') : [];
  return { d: d.replace(/^0(?=\d)/, ''), m: m.replace(/^0(?=\d)/, ''), y };
};
/** YYYY-MM-DD once all three are typed; '' otherwise (the API then names the field). */
const isoOf = ({ d, m, y }: Parts) => (d && m && y ? `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '');

/**
 * A date as three boxes — day, month, year (GOV.UK date input) — with the number keypad, instead
 * of the browser's date picker that shows mm/dd in some locales. The day box carries `id`, so an
 * error summary link lands on it.
 */
export function DayMonthYear({ id, legend, value, onChange, invalid, errorId, children }: { id: string; legend: string; value: string; onChange(iso: string): void; invalid?: boolean; errorId?: string; children?: React.ReactNode }) {
  const { L } = useI18n();
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  // A value set from outside (a reset after saving, a record read again) replaces what is shown.
  useEffect(() => {
    if (value !== isoOf(parts)) setParts(partsOf(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const set = (k: keyof Parts, v: string) => {
    const next = { ...parts, [k]: v.replace(/\D/g, '') };
    setParts(next);
    onChange(isoOf(next));
  };
  const described = [`${id}-hint`, invalid && errorId].filter(Boolean).join(' ');
  const box = (k: keyof Parts, label: Localized, max: number, boxId: string) => (
    <div className="dmy-box">
      <label htmlFor={boxId}>{L(label)}</label>
      <input
        id={boxId}
        className={k === 'y' ? 'dmy-year' : 'dmy-2'}
        inputMode="numeric"
        autoComplete="off"
        maxLength={max}
        value={parts[k]}
        onChange={(e) => set(k, e.target.value)}
        {...(invalid ? { 'aria-invalid': true } : {})}
      />
    </div>
  );
  return (
    <fieldset className="dmy" aria-describedby={described}>
      <legend>{legend}</legend>
      <span id={`${id}-hint`} className="muted small">
        {L(WORDS.hint)}
      </span>
      {children}
      <div className="dmy-row">
        {box('d', WORDS.day, 2, id)}
        {box('m', WORDS.month, 2, `${id}-month`)}
        {box('y', WORDS.year, 4, `${id}-year`)}
      </div>
    </fieldset>
  );
}

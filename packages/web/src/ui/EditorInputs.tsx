import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';

/** Small labelled inputs of the publisher's editor: every input has its own label, hints are tied by aria-describedby. */

const LANG_NAMES = { id: { id: 'Bahasa Indonesia', en: 'Indonesian' }, en: { id: 'Bahasa Inggris', en: 'English' } };

/** A text in both languages: one fieldset, an input per language. */
export function EditorText(props: { id: string; legend: string; value: { id: string; en: string } | undefined; onChange(v: { id: string; en: string }): void; long?: boolean; required?: boolean }) {
  const { L } = useI18n();
  const v = props.value ?? { id: '', en: '' };
  return (
    <fieldset className="editor-text">
      {/* Each input's label names it in full; the legend groups them for screen readers. */}
      <legend className="sr-only">{props.legend}</legend>
      {(['id', 'en'] as const).map((lang) => {
        const id = `${props.id}-${lang}`;
        const input = { id, value: v[lang], required: props.required, lang, onChange: (e: { target: { value: string } }) => props.onChange({ ...v, [lang]: e.target.value }) };
        return (
          <div className="field" key={lang}>
            <label htmlFor={id}>
              {props.legend} ({L(LANG_NAMES[lang])})
            </label>
            {props.long ? <textarea rows={2} {...input} /> : <input type="text" {...input} />}
          </div>
        );
      })}
    </fieldset>
  );
}

export function EditorNumber(props: { id: string; label: string; value: number | undefined; onChange(v: number | undefined): void; min?: number; max?: number; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="muted small" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={props.value ?? ''}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </div>
  );
}

export function EditorSelect<T extends string>(props: { id: string; label: string; value: T | undefined; options: { value: T; label: string }[]; onChange(v: T): void; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="muted small" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <select id={props.id} value={props.value ?? ''} aria-describedby={props.hint ? `${props.id}-hint` : undefined} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.value === undefined && <option value="">–</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Several choices as checkboxes in one fieldset. */
export function EditorChecks<T extends string>(props: { id: string; legend: string; value: T[]; options: { value: T; label: string }[]; onChange(v: T[]): void }) {
  return (
    <fieldset className="editor-checks">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="editor-check" htmlFor={`${props.id}-${o.value}`}>
          <input
            type="checkbox"
            id={`${props.id}-${o.value}`}
            checked={props.value.includes(o.value)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.value, o.value] : props.value.filter((x) => x !== o.value))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * One item of an editable list: its heading, a line saying what it is, move / remove buttons named
 * after it, and its inputs folded away (a long form stays short on a phone); new items start open.
 */
export function EditorItem(props: {
  id: string;
  title: string;
  meta?: string;
  startOpen?: boolean;
  moveUp?: () => void;
  moveDown?: () => void;
  remove?: () => void;
  words: { up: string; down: string; remove: string; edit: string };
  children: ReactNode;
}) {
  const [open, setOpen] = useState(Boolean(props.startOpen));
  return (
    <li className="editor-item" aria-labelledby={`${props.id}-title`}>
      <div className="row-between">
        <div>
          <h4 id={`${props.id}-title`}>{props.title}</h4>
          {props.meta && <p className="muted small editor-meta">{props.meta}</p>}
        </div>
        <div className="actions">
          {props.moveUp && (
            <button type="button" className="btn secondary small" onClick={props.moveUp} aria-label={`${props.words.up}: ${props.title}`}>
              ↑
            </button>
          )}
          {props.moveDown && (
            <button type="button" className="btn secondary small" onClick={props.moveDown} aria-label={`${props.words.down}: ${props.title}`}>
              ↓
            </button>
          )}
          {props.remove && (
            <button type="button" className="btn danger small" onClick={props.remove} aria-label={`${props.words.remove}: ${props.title}`}>
              {props.words.remove}
            </button>
          )}
        </div>
      </div>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          {props.words.edit}
          <span className="sr-only">: {props.title}</span>
        </summary>
        {props.children}
      </details>
    </li>
  );
}

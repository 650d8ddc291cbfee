import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';

export interface SummaryItem {
  /** The id of the element the link focuses (the field's input, or the first of its group). */
  target: string;
  text: Localized;
  /** Before focusing: e.g. go to the page the field is on. */
  go?: () => void;
}

const TITLE = { id: 'Ada masalah', en: 'There is a problem' };

/**
 * The error summary (GOV.UK pattern): at the top of the page, announced (role=alert) and focused
 * when it appears, with a link to each field in error that moves focus to that field.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: number }) {
  const { L } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={box}>
      <h2 id="error-summary-title">{L(TITLE)}</h2>
      <ul>
        {items.map((it) => (
          <li key={it.target}>
            <a
              href={`#${it.target}`}
              onClick={(e) => {
                e.preventDefault();
                if (it.go) it.go();
                else focusField(it.target);
              }}
            >
              {L(it.text)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses a field and scrolls its question into view (its label stays visible above it). */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  (el.closest('fieldset, .q') ?? el).scrollIntoView({ block: 'start' });
  return true;
}

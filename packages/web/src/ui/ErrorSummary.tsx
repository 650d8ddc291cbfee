import { useEffect, useId, useRef } from 'react';
import { errorText, isStale, problems } from '../api.js';
import { useI18n } from '../i18n.js';

/**
 * The error summary (GOV.UK pattern) for pages with several forms: at the top of its form,
 * focused when it appears, each problem a link that moves focus to its field (`fieldOf` maps a
 * JSON pointer to a field id, or none). Its ids are unique, so two summaries may show at once.
 */
export function ErrorSummary({ error, fieldOf, title }: { error: unknown; fieldOf(pointer: string): string | undefined; title: string }) {
  const { lang, L, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const list = problems(error);
  const items = list.length ? list.map((p) => ({ field: fieldOf(p.pointer), text: L(p.message) })) : [{ field: undefined, text: isStale(error) ? t('staleEdit') : errorText(error, lang) }];
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId} className="h3">
        {title}
      </h2>
      {list.length > 0 && <p>{errorText(error, lang)}</p>}
      <ul>
        {items.map((i, n) => (
          <li key={n}>
            {i.field ? (
              <a
                href={`#${i.field}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(i.field!)?.focus();
                }}
              >
                {i.text}
              </a>
            ) : (
              i.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useI18n } from '../i18n.js';
import type { Localized, ServiceDetail } from '../types.js';

// Issue 23 (part "docs"): the structured data an officer records about an output when an SOP
// action issues it (the plugin's `outputs[].data`). Typed locally until the lead regenerates the
// API types from the OpenAPI document.
type FieldSchema = { type?: string; format?: string; enum?: string[] };
type OutputData = { schema: { properties?: Record<string, FieldSchema>; required?: string[] }; labels?: Record<string, Localized>; number?: string; issuedOn?: string };
type OutputWithData = { code: string; name: Localized; data?: OutputData };

/** What the officer typed, per output code and field. */
export type OutputValues = Record<string, Record<string, string>>;

const S = {
  title: { id: 'Data produk yang diterbitkan', en: 'Data of the issued output' },
  hint: { id: 'Nomor dan tanggal terbit yang dikosongkan diisi nomor platform dan tanggal hari ini.', en: 'A number or date of issue left empty takes the platform’s number and today’s date.' },
  choose: { id: '— pilih —', en: '— choose —' },
};

/** The outputs with officer data that one of `actions` issues (each available action names the outputs it issues). */
export function outputsWithData(service: ServiceDetail | undefined, actions: { code: string; issues?: string[] }[]): OutputWithData[] {
  const s = service as unknown as { outputs: OutputWithData[] } | undefined;
  if (!s) return [];
  const issued = new Set(actions.flatMap((a) => a.issues ?? []));
  return s.outputs.filter((o) => o.data && issued.has(o.code));
}

/** The `outputs` member of an action's body: what was typed for the outputs this action issues (empty fields left out). */
export function outputsBody(service: ServiceDetail | undefined, action: { code: string; issues?: string[] }, values: OutputValues): Record<string, Record<string, string>> | undefined {
  const out: Record<string, Record<string, string>> = {};
  for (const o of outputsWithData(service, [action])) {
    const typed = Object.fromEntries(Object.entries(values[o.code] ?? {}).filter(([, v]) => v.trim() !== ''));
    out[o.code] = typed;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Inputs for each field of each output an available action issues: a select for a choice, a date picker, else text. */
export function OutputDataFields({ outputs, values, onChange }: { outputs: OutputWithData[]; values: OutputValues; onChange: (v: OutputValues) => void }) {
  const { L } = useI18n();
  if (!outputs.length) return null;
  return (
    <fieldset className="output-data">
      <legend>{L(S.title)}</legend>
      {outputs.map((o) => (
        <div key={o.code}>
          <p>
            <strong>{L(o.name)}</strong>
          </p>
          {Object.entries(o.data!.schema.properties ?? {}).map(([field, f]) => {
            const id = `out-${o.code}-${field}`;
            const value = values[o.code]?.[field] ?? '';
            const set = (v: string) => onChange({ ...values, [o.code]: { ...(values[o.code] ?? {}), [field]: v } });
            const required = (o.data!.schema.required ?? []).includes(field) && `/${field}` !== o.data!.number && `/${field}` !== o.data!.issuedOn;
            return (
              <div className="field" key={field}>
                <label htmlFor={id}>
                  {L(o.data!.labels?.[field]) || field}
                  {required ? ' *' : ''}
                </label>
                {f.enum ? (
                  <select id={id} value={value} required={required} onChange={(e) => set(e.target.value)}>
                    <option value="">{L(S.choose)}</option>
                    {f.enum.map((v) => (
                      <option key={v} value={v}>
                        {v.replace(/[_-]+/g, ' ')}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={id} type={f.format === 'date' ? 'date' : 'text'} value={value} required={required} onChange={(e) => set(e.target.value)} />
                )}
              </div>
            );
          })}
        </div>
      ))}
      <p className="hint">{L(S.hint)}</p>
    </fieldset>
  );
}

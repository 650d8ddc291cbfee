import type { SopAction, SopDefinition, SopRole } from '@satupintu/plugin-sdk';

/** The SOP as one explicit table: `(state, role)` → the actions that role may take there. */
export interface CompiledSop {
  initial: string;
  table: ReadonlyMap<string, readonly SopAction[]>;
  terminal: ReadonlySet<string>;
  /** Actions available in `state` to someone holding any of `roles`. */
  allowed(state: string, roles: readonly SopRole[]): SopAction[];
  /** The action `code` if one of `roles` may take it in `state`. */
  find(state: string, roles: readonly SopRole[], code: string): SopAction | undefined;
}

const key = (state: string, role: string) => `${state}\u0000${role}`;
const cache = new WeakMap<SopDefinition, CompiledSop>();

/** Compiles (once per SOP object, i.e. per published plugin version) the action table. */
export function compileSop(sop: SopDefinition): CompiledSop {
  const hit = cache.get(sop);
  if (hit) return hit;
  const table = new Map<string, SopAction[]>();
  for (const action of sop.actions)
    for (const from of action.from)
      for (const role of action.roles) {
        const k = key(from, role);
        table.set(k, [...(table.get(k) ?? []), action]);
      }
  const terminal = new Set(Object.entries(sop.states).filter(([, s]) => s.terminal).map(([c]) => c));
  const compiled: CompiledSop = {
    initial: sop.initial,
    table,
    terminal,
    allowed: (state, roles) => {
      const seen = new Map<string, SopAction>();
      for (const r of roles) for (const a of table.get(key(state, r)) ?? []) seen.set(a.code, a);
      return [...seen.values()];
    },
    find: (state, roles, code) => roles.flatMap((r) => table.get(key(state, r)) ?? []).find((a) => a.code === code),
  };
  cache.set(sop, compiled);
  return compiled;
}

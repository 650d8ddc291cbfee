import { createAjv, type FieldError } from '@satupintu/core';
import type { ValidateFunction } from 'ajv';
import { ajvErrorsToFieldErrors } from '@satupintu/core';
import type { WorkflowAction, WorkflowDefinition } from './definition.js';

/** The lifecycle as one explicit table: `(state, role)` → the actions that role may take there. */
export interface CompiledWorkflow<R extends string = string> {
  readonly definition: WorkflowDefinition<R>;
  readonly initial: string;
  readonly terminal: ReadonlySet<string>;
  /** Actions available in `state` to someone holding any of `roles` (one per code). */
  allowed(state: string, roles: readonly R[]): WorkflowAction<R>[];
  /** Every action entry with this code that one of `roles` may take in `state` (guards pick among them). */
  candidates(state: string, roles: readonly R[], code: string): WorkflowAction<R>[];
}

const key = (state: string, role: string) => `${state}\u0000${role}`;
const compiledCache = new WeakMap<object, CompiledWorkflow<string>>();

/** Compiles a definition once (per object: a published plugin version's SOP is compiled once and shared). */
export function compileWorkflow<R extends string>(def: WorkflowDefinition<R>): CompiledWorkflow<R> {
  const hit = compiledCache.get(def);
  if (hit) return hit as unknown as CompiledWorkflow<R>;
  const table = new Map<string, WorkflowAction<R>[]>();
  for (const action of def.actions)
    for (const from of action.from)
      for (const role of action.roles) {
        const k = key(from, role);
        table.set(k, [...(table.get(k) ?? []), action]);
      }
  const compiled: CompiledWorkflow<R> = {
    definition: def,
    initial: def.initial,
    terminal: new Set(Object.entries(def.states).filter(([, s]) => s.terminal).map(([c]) => c)),
    allowed: (state, roles) => {
      const seen = new Map<string, WorkflowAction<R>>();
      for (const r of roles) for (const a of table.get(key(state, r)) ?? []) if (!seen.has(a.code)) seen.set(a.code, a);
      return [...seen.values()];
    },
    candidates: (state, roles, code) => {
      const out: WorkflowAction<R>[] = [];
      for (const r of roles) for (const a of table.get(key(state, r)) ?? []) if (a.code === code && !out.includes(a)) out.push(a);
      return out;
    },
  };
  compiledCache.set(def, compiled as unknown as CompiledWorkflow<string>);
  return compiled;
}

/** Checks facts against a guard schema; [] when they pass. */
export type GuardCheck = (guard: Record<string, unknown>, facts: unknown, action: WorkflowAction<string>) => FieldError[];

/** Guards compiled once per schema object, with the platform's ajv (used where no form-specific one applies). */
export function defaultGuardCheck(): GuardCheck {
  const ajv = createAjv({ strict: false });
  const compiled = new WeakMap<object, ValidateFunction>();
  return (guard, facts) => {
    let v = compiled.get(guard);
    if (!v) {
      v = ajv.compile(guard);
      compiled.set(guard, v);
    }
    return v(facts) ? [] : ajvErrorsToFieldErrors(v.errors);
  };
}

export type WorkflowRefusal =
  | { kind: 'not-allowed'; action: string; state: string; allowed: string[] }
  | { kind: 'comment-required'; action: string }
  | { kind: 'guard-failed'; action: string; errors: FieldError[] };

/** Why the engine refused an action; each module maps it to its own problem+json code. */
export class WorkflowError extends Error {
  constructor(readonly refusal: WorkflowRefusal) {
    super(`workflow: ${refusal.kind} (${refusal.action})`);
    this.name = 'WorkflowError';
  }
}

export interface ActInput<R extends string> {
  /** The case's current state. */
  state: string;
  /** The caller's roles on this case (its citizen, an officer of its agency, …). */
  roles: readonly R[];
  action: string;
  comment?: string;
  /** What guards see: a service's form data, a complaint's facts. */
  facts: unknown;
}

export interface Decision<R extends string> {
  action: WorkflowAction<R>;
  /** The role the action is taken in (the first of the caller's roles the action names). */
  role: R;
  from: string;
  to: string;
  /** False for an action that records without moving. */
  moves: boolean;
  terminal: boolean;
  outcome?: string;
}

/**
 * Decides one action: allowed for one of the caller's roles in the current state, a comment when
 * the action demands one, its guard satisfied by the facts. Pure: the caller persists the move, the
 * action log entry and the timers of the new state in one unit of work.
 */
export function decide<R extends string>(def: WorkflowDefinition<R>, input: ActInput<R>, guards: GuardCheck = fallbackGuards()): Decision<R> {
  const wf = compileWorkflow(def);
  const candidates = wf.terminal.has(input.state) ? [] : wf.candidates(input.state, input.roles, input.action);
  if (!candidates.length)
    throw new WorkflowError({ kind: 'not-allowed', action: input.action, state: input.state, allowed: wf.allowed(input.state, input.roles).map((a) => a.code) });
  let firstErrors: FieldError[] | undefined;
  for (const action of candidates) {
    if (action.comment === 'required' && !input.comment?.trim()) throw new WorkflowError({ kind: 'comment-required', action: action.code });
    const errors = action.guard ? guards(action.guard, input.facts, action) : [];
    if (errors.length) {
      firstErrors ??= errors;
      continue;
    }
    const to = action.to ?? input.state;
    const target = def.states[to];
    if (!target) throw new Error(`workflow definition: action ${action.code} leads to unknown state ${to}`);
    return {
      action,
      role: action.roles.find((r) => input.roles.includes(r)) ?? input.roles[0]!,
      from: input.state,
      to,
      moves: to !== input.state,
      terminal: target.terminal === true,
      ...(target.outcome ? { outcome: target.outcome } : {}),
    };
  }
  throw new WorkflowError({ kind: 'guard-failed', action: input.action, errors: firstErrors ?? [] });
}

let fallback: GuardCheck | undefined;
function fallbackGuards(): GuardCheck {
  return (fallback ??= defaultGuardCheck());
}

import type { Decision } from './engine.js';

/** One line of a case's append-only action log: who did what, in which role, from where to where. */
export interface ActionLogEntry {
  at: Date;
  actor: { subject: string; name: string };
  role: string;
  action: string;
  from: string | null;
  to: string | null;
  comment: string | null;
}

/** The log entry of a decided action (the caller appends it in the same unit of work as the move). */
export function actionLogEntry(decision: Decision<string>, actor: ActionLogEntry['actor'], at: Date, comment?: string): ActionLogEntry {
  return { at, actor, role: decision.role, action: decision.action.code, from: decision.from, to: decision.to, comment: comment?.trim() ? comment : null };
}

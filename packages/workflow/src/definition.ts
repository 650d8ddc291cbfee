import type { LocalizedText } from '@satupintu/core';

/** A span of time an SLA or a window lasts; working days skip weekends, holidays and closures. */
export interface Duration {
  value: number;
  unit: 'minutes' | 'hours' | 'working-days';
}

/**
 * A lifecycle as data: states, the actions that move between them and who may take each, and the
 * clocks that run in each state. A plugin's SOP (plugin-sdk `SopDefinition`) is one; the complaint
 * lifecycle (SP4N-LAPOR! rules) is another. The engine interprets both the same way.
 */
export interface WorkflowDefinition<R extends string = string> {
  initial: string;
  states: Record<string, WorkflowState<R>>;
  actions: readonly WorkflowAction<R>[];
  /** Whether cuti bersama counts as a working day for this lifecycle's SLAs (agencies that staff their counter then). */
  cutiBersamaIsWorkingDay?: boolean;
  /** Issue 23 (sla): the event that starts the whole case's clock (absent: when the case is submitted). */
  sla?: { startsOn: { action?: string; state?: string }; event: LocalizedText };
}

export interface WorkflowState<R extends string = string> {
  name: LocalizedText;
  /** No action leaves a terminal state. */
  terminal?: boolean;
  /** What reaching this state means for the case (completed, rejected, …). */
  outcome?: string;
  /** Whose turn it is here (officer, citizen, …): shown to people; `system` for states the platform leaves. */
  actor?: R | 'system';
  /** The step's SLA: a timer named `step` that escalates when it runs out. */
  sla?: Duration;
  /** Further clocks started on entering the state. */
  timers?: readonly TimerDefinition[];
}

export interface TimerDefinition {
  name: string;
  /** A fixed duration, or one chosen by a fact of the case (e.g. a complaint's category). */
  sla: Duration | { by: string; values: Readonly<Record<string, Duration>> };
  /** Started only the first time its state is entered (a first response is due once). */
  once?: boolean;
  /** What happens when it runs out: an escalation (default), or an action the system takes. */
  onExpiry?: 'escalate' | { action: string };
}

export interface WorkflowAction<R extends string = string> {
  code: string;
  name: LocalizedText;
  from: readonly string[];
  /** The state it leads to; absent for an action that records something without moving (a message). */
  to?: string;
  roles: readonly R[];
  /** JSON Schema the case's facts (a service's form data) must satisfy for the action to be taken. */
  guard?: Record<string, unknown>;
  comment?: 'required' | 'optional' | 'none';
  /** Outputs the action issues (a plugin SOP's documents). */
  issues?: readonly string[];
}

export type * from './definition.js';
export { compileWorkflow, decide, defaultGuardCheck, WorkflowError, type ActInput, type CompiledWorkflow, type Decision, type GuardCheck, type WorkflowRefusal } from './engine.js';
export { dueAfter, timersOnEntering, isOverdue, clockStartsOnSubmission, startsClock, type Due, type StartedTimer, type WorkCalendar } from './timers.js';
export { actionLogEntry, type ActionLogEntry } from './action-log.js';

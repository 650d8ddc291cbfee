/**
 * The device's own copy of a form being filled, per signed-in user and service, so nothing typed
 * is lost when the network or the session fails: written on every change, read back when the
 * page opens again, removed after submission. Only on this device (localStorage), never sent
 * anywhere but to the person's own draft on the server.
 */
export interface LocalDraft {
  /** The server draft's id once created. */
  id?: string;
  data: Record<string, unknown>;
  /** 1-based page the person was on. */
  step?: number;
  /** The server version the data was last saved as, or based on. */
  version?: number;
  /** Whether the data is on the server too. */
  synced: boolean;
  savedAt: string;
  /** A draft creation sent but not answered: retried with the same key and body (never a second draft). */
  create?: { key: string; body: unknown };
}

const keyOf = (user: string, tenant: string, service: string) => `satupintu.draft.${user}.${tenant}.${service}`;

export function readLocal(user: string, tenant: string, service: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(user, tenant, service));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocal(user: string, tenant: string, service: string, d: LocalDraft): void {
  try {
    localStorage.setItem(keyOf(user, tenant, service), JSON.stringify(d));
  } catch {
    // Storage full or disabled (private mode): the server draft still keeps the work.
  }
}

export function clearLocal(user: string, tenant: string, service: string): void {
  try {
    localStorage.removeItem(keyOf(user, tenant, service));
  } catch {
    /* nothing kept */
  }
}

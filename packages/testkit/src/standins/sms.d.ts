/**
 * Stand-in for an Indonesian SMS aggregator speaking the generic protocol of
 * `@satupintu/connectors` sms.ts, over a real HTTP server on 127.0.0.1: bearer key, registered
 * sender IDs, dedupe on `reference`, and signed delivery reports (DLR) posted to `callbackUrl`.
 */
export type SmsStandInBehaviour = 'deliver' | 'undelivered' | 'expire' | 'silent';
export interface SmsStandInOptions {
    apiKey: string;
    /** Key of the DLR HMAC (`X-Aggregator-Signature: sha256=…`). */
    callbackSecret: string;
    /** Registered sender IDs; any other `from` gets 400 SENDER_NOT_REGISTERED. */
    senders: string[];
    /** Wait before each DLR. */
    delayMs?: number;
    /** Post each message's DLRs last-first (DELIVERED before SENT), as real networks sometimes do. */
    outOfOrder?: boolean;
    /** Attempts per DLR when the callback fails (non-2xx or network); default 3. */
    callbackAttempts?: number;
}
export interface SmsStandInMessage {
    id: string;
    from: string;
    to: string;
    text: string;
    reference: string;
    callbackUrl?: string;
    at: Date;
}
export interface SmsStandInReport {
    url: string;
    body: string;
    status: string;
    attempts: number;
    /** HTTP status of the last attempt (0: network error). */
    lastStatus: number;
    delivered: boolean;
}
export declare class SmsAggregatorStandIn {
    #private;
    /** Messages actually sent (a deduped repeat is not here). */
    readonly sent: SmsStandInMessage[];
    /** Every POST /messages that passed authentication, deduped or not. */
    readonly requests: {
        reference?: string;
        status: number;
    }[];
    /** DLRs attempted, in the order they were posted. */
    readonly reports: SmsStandInReport[];
    /** Wait before answering each POST /messages (to provoke client timeouts). */
    responseDelayMs: number;
    delayMs: number;
    outOfOrder: boolean;
    private constructor();
    static start(opts: SmsStandInOptions): Promise<SmsAggregatorStandIn>;
    /** Base URL to give the adapter as `apiUrl`. */
    get url(): string;
    /** How this number's messages end: delivered (default), undelivered, expired or never reported. */
    behaviour(to: string, b: SmsStandInBehaviour): void;
    /** The operator refuses this number (400 BLOCKED_NUMBER). */
    block(to: string): void;
    /** The next `n` authenticated sends answer `status` (429 carries `Retry-After`, default `1`). */
    failNext(n: number, status: number, opts?: {
        code?: string;
        retryAfter?: string;
    }): void;
    /** Messages sent with this reference (1 at most when dedupe works). */
    countByReference(reference: string): number;
    /** Resolves once every scheduled DLR was posted (or gave up). */
    reportsSettled(): Promise<void>;
    stop(): Promise<void>;
}

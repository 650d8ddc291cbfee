export interface WhatsAppStandInTemplate {
    name: string;
    language: string;
    category: 'utility' | 'marketing' | 'authentication';
    /** How many body parameters ({{1}}, {{2}}, …) the approved template has. */
    params: number;
}
/** What happens to messages to one number after they are accepted. */
export type WhatsAppRecipientBehaviour = 'deliver' | 'read' | 'not-on-whatsapp' | 'sent-only';
export interface WhatsAppStandInOptions {
    appSecret: string;
    accessToken: string;
    phoneNumberId: string;
    callbackUrl?: string;
    templates: WhatsAppStandInTemplate[];
    /** Graph version in the URL path (default `v23.0`). */
    version?: string;
    /** Messages per second accepted per business number; beyond it 429 / 130429. Default: unlimited. */
    mps?: number;
    /** Pair rate limit: a second message to the same number within this many ms is refused with 131056. Default 0 (off). */
    pairWindowMs?: number;
    /** Delay before answering each send (to kill a sender mid-send); the message is still accepted afterwards, like Meta. */
    delayMs?: number;
    /** Post a message's statuses in reversed order. */
    outOfOrder?: boolean;
    /** Multi-device: a `failed` (131026) before `delivered` for delivered messages. */
    deliveredAfterFailed?: boolean;
    /** Sign webhooks with the wrong key. */
    badlySigned?: boolean;
    /**
     * Free-form text outside the 24-hour window: refused at once with 131047 (`sync`, default), or
     * accepted and then reported as a `failed` status with 131047 (`webhook`). Meta has been seen
     * doing the latter; the notification service must cope with both.
     */
    reengagement?: 'sync' | 'webhook';
    /** The stand-in's clock for the 24-hour window and webhook timestamps. */
    now?: () => Date;
    /** Webhook delivery attempts per callback (default 4) and pause between them (default 100 ms). */
    callbackAttempts?: number;
    callbackRetryDelayMs?: number;
}
export interface WhatsAppStandInSent {
    /** `wamid.…`, as returned to the sender. */
    id: string;
    /** E.164 (`+62…`). */
    to: string;
    /** `biz_opaque_callback_data`. */
    reference: string | undefined;
    type: 'template' | 'text';
    template?: {
        name: string;
        language: string;
        params: string[];
        category: WhatsAppStandInTemplate['category'];
    };
    text?: string;
    at: Date;
}
export interface WhatsAppStandInFault {
    status: number;
    /** Graph error code; without one a 5xx fault answers with a bare HTML page (a gateway error). */
    code?: number;
    /** Sent as a Retry-After header (seconds). */
    retryAfterSeconds?: number;
}
export interface WhatsAppCallbackAttempt {
    url: string;
    /** HTTP status, or 0 when the receiver was unreachable. */
    status: number;
    body: string;
}
/** POSTs `body` as JSON with Meta's `X-Hub-Signature-256` over the exact bytes sent. */
export declare function signedWhatsAppPost(url: string, body: unknown, appSecret: string): Promise<{
    status: number;
    body: string;
}>;
export declare class WhatsAppCloudStandIn {
    #private;
    readonly sent: WhatsAppStandInSent[];
    /** Every refused send: the Graph error code. */
    readonly rejected: {
        code: number;
        status: number;
        at: Date;
    }[];
    /** Every webhook delivery attempt. */
    readonly callbackAttempts: WhatsAppCallbackAttempt[];
    delayMs: number;
    outOfOrder: boolean;
    deliveredAfterFailed: boolean;
    badlySigned: boolean;
    reengagement: 'sync' | 'webhook';
    private constructor();
    static start(opts: WhatsAppStandInOptions): Promise<WhatsAppCloudStandIn>;
    /** Graph base URL with version, e.g. `http://127.0.0.1:PORT/v23.0`. */
    get url(): string;
    setCallbackUrl(url: string | undefined): void;
    /** The next `n` sends fail with this HTTP status and Graph code. */
    failNext(n: number, fault: WhatsAppStandInFault): void;
    behaviour(to: string, b: WhatsAppRecipientBehaviour): void;
    countByReference(reference: string): number;
    /** Accepted template sends whose template is not `utility`: this platform must never make any. */
    get nonUtilitySends(): WhatsAppStandInSent[];
    /** Is the 24-hour customer-service window open for this number (stand-in clock)? */
    windowOpen(to: string): boolean;
    /** A person writes to the business number: opens the window and sends the signed inbound webhook; resolves once delivered (or given up). */
    simulateInbound(fromE164: string, text: string): Promise<void>;
    /** POSTs a body signed with this stand-in's app secret (or badly signed when `badlySigned`). */
    signedPost(url: string, body: unknown): Promise<{
        status: number;
        body: string;
    }>;
    /** Resolves when every queued webhook was delivered or given up on. */
    callbacksSettled(): Promise<void>;
    stop(): Promise<void>;
}

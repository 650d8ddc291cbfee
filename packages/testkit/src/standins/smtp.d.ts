/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that authenticates with AUTH PLAIN/LOGIN and
 * parses what it receives (mailparser): the stand-in for a regency's mail relay. Plain SMTP
 * without STARTTLS, so `smtp://` works in tests.
 */
export interface ReceivedEmail {
    /** The From header as written, e.g. `"MPP Kab. Bandung Barat" <noreply@example.go.id>`. */
    from: string;
    fromName?: string;
    fromAddress?: string;
    /** Envelope recipients (RCPT TO). */
    to: string[];
    envelopeFrom?: string;
    subject: string;
    text: string;
    html?: string;
    /** Header names lower-cased; folded lines unfolded; the last occurrence wins. */
    headers: Record<string, string>;
    /** With angle brackets, as in the header. */
    messageId: string;
    /** `X-Satupintu-Reference`. */
    reference?: string;
    /** The id this server answered `250 Ok: queued as <id>` with. */
    queueId: string;
}
export declare class SmtpReceiver {
    #private;
    readonly messages: ReceivedEmail[];
    /** Successful and failed logins, for asserting that the pool reuses its connections. */
    readonly logins: {
        user: string;
        ok: boolean;
    }[];
    private constructor();
    static start(opts: {
        user: string;
        pass: string;
    }): Promise<SmtpReceiver>;
    get port(): number;
    /** `smtp://user:pass@127.0.0.1:port`. */
    get url(): string;
    /** RCPT TO this address answers `code` (550 by default). */
    rejectRecipient(address: string, code?: number): void;
    /** The next message's DATA is answered `code` (e.g. 451) instead of being accepted. */
    failNextWith(code: number): void;
    /** Resolves once `n` messages were received; rejects after `timeoutMs`. */
    waitFor(n: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
    stop(): Promise<void>;
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); never a browser downloaded by playwright. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--lang=id-ID', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** The demo realm's password (embedded issuer and the conformance tier's Keycloak). */
export const PASSWORD = 'mpp-demo';

/** Headless Chromium with the flags above; says what to install when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** On the issuer's sign-in page (embedded or Keycloak): fill the form and come back to the app at `origin`. */
export async function signIn(pg: Page, origin: string, username: string, password = PASSWORD): Promise<void> {
  await pg.waitForSelector('#username');
  await pg.fill('#username', username);
  await pg.fill('#password', password);
  const home = new URL(origin).origin;
  await Promise.all([pg.waitForURL((u) => u.origin === home && !u.pathname.startsWith('/realms/') && !u.pathname.startsWith('/auth/')), pg.press('#password', 'Enter')]);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core (a dev dependency) run through the DevTools protocol, so the page's CSP stays as it is:
 * the WCAG 2.0–2.2 A/AA violations on `where` (a selector expression evaluated in the page), one
 * line each with the nodes.
 */
export async function axeViolations(pg: Page, where = 'document'): Promise<string[]> {
  if (!(await pg.evaluate<boolean>('typeof axe !== "undefined"'))) await pg.evaluate(readFileSync(AXE, 'utf8'));
  return pg.evaluate<string[]>(`axe.run(${where}, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
    .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}

/** A tiny but real PDF (for uploads). */
export function tinyPdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

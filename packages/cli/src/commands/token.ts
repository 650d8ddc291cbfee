import type { Command } from 'commander';
import { loadConfig } from '@satupintu/core';

/** `satupintu token <username>`: an access token from the realm (embedded issuer of a running `npm start`, or KEYCLOAK_URL). */
export function tokenCommand(program: Command): void {
  program
    .command('token <username>')
    .description('Print an access token for a realm user (demo users: see README), via the dev client satupintu-cli')
    .option('--password <password>', 'the user’s password', 'mpp-demo')
    .option('--client <clientId>', 'client with direct access grants', 'satupintu-cli')
    .option('--json', 'print the whole token response')
    .action(async (username: string, o: { password: string; client: string; json?: boolean }) => {
      const config = loadConfig(process.env);
      const base = config.keycloak.url ?? config.publicUrl ?? `http://${config.host}:${config.port}`;
      const url = `${base}/realms/${config.keycloak.realm}/protocol/openid-connect/token`;
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'password', client_id: o.client, username, password: o.password, scope: 'openid' }),
        });
      } catch {
        throw new Error(`cannot reach ${url}: is \`npm start\` running (or KEYCLOAK_URL set)? / server tidak dapat dihubungi`);
      }
      const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!res.ok || !body.access_token)
        throw new Error(`token refused for ${username}: ${body.error ?? res.status} ${body.error_description ?? ''} / token ditolak`);
      console.log(o.json ? JSON.stringify(body, null, 2) : body.access_token);
    });
}

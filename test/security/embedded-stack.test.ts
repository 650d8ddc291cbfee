import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SECRET_FILES, embeddedS3Credentials, readSecret, secretsDirOf, startEmbeddedPostgres } from '@satupintu/stack';
import { sharedPlatform, tempDataDir } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

/**
 * Issue 19, "No fixed secrets, dev included" (finding High-5): the embedded PostgreSQL had the
 * superuser `postgres`/`postgres` on a local port (anyone on the host read every tenant past
 * row-level security), the app role a fixed password, and the embedded S3 served a citizen's
 * upload to an unsigned request. Each test performs the attack on the shared platform's embedded
 * stack and expects it to fail.
 */
describe('security: the embedded stack has no fixed secrets (issue 19)', () => {
  let p: Platform;
  let dataDir: string;
  before(function () {
    p = sharedPlatform();
    if (!p.infra.embedded.postgres) this.skip(); // the conformance tier runs on configured servers
    dataDir = p.config.dataDir;
  });

  const mode = (file: string) => statSync(file).mode & 0o777;
  const signIn = async (port: number, user: string, password: string, database = 'postgres') => {
    const c = new pg.Client({ host: '127.0.0.1', port, user, password, database, connectionTimeoutMillis: 10_000 });
    try {
      await c.connect();
      return 'signed in';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    } finally {
      await c.end().catch(() => {});
    }
  };

  it('the superuser cannot sign in with postgres/postgres (nor with any old default)', async () => {
    const port = p.infra.embedded.postgres!.port;
    for (const password of ['postgres', 'password', 'satupintu']) assert.equal(await signIn(port, 'postgres', password), '28P01', `postgres/${password}`);
    // Positive control: the generated password of this DATA_DIR does sign in.
    assert.equal(await signIn(port, 'postgres', readSecret(dataDir, SECRET_FILES.postgresSuperuser)!), 'signed in');
  });

  it('the app role cannot sign in with the old fixed password, and is neither superuser nor BYPASSRLS', async () => {
    const port = p.infra.embedded.postgres!.port;
    const role = p.config.appDbRole;
    assert.equal(await signIn(port, role, 'satupintu-app-dev', 'satupintu_control'), '28P01');
    const generated = readSecret(dataDir, SECRET_FILES.appDb)!;
    assert.ok(generated && generated.length >= 24 && generated === p.config.appDbPassword, 'the API connects with the generated password');
    assert.equal(await signIn(port, role, generated, 'satupintu_control'), 'signed in');
    const c = new pg.Client({ connectionString: p.infra.controlDatabaseUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
        'select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = $1',
        [role],
      );
      assert.deepEqual(rows, [{ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false }]);
    } finally {
      await c.end();
    }
  });

  it('keeps its secrets readable by this user only (directory 0700, files 0600)', () => {
    assert.equal(mode(secretsDirOf(dataDir)), 0o700);
    for (const f of Object.values(SECRET_FILES)) assert.equal(mode(path.join(secretsDirOf(dataDir), f)), 0o600, f);
  });

  it('generates different passwords and keys for another DATA_DIR', async function () {
    this.timeout(120_000);
    const other = tempDataDir('satupintu-stack-');
    const pgOther = await startEmbeddedPostgres({ dataDir: other, databases: [] });
    try {
      const mine = readSecret(dataDir, SECRET_FILES.postgresSuperuser)!;
      const theirs = readSecret(other, SECRET_FILES.postgresSuperuser)!;
      assert.ok(theirs && theirs.length >= 24);
      assert.notEqual(theirs, mine);
      assert.equal(mode(path.join(secretsDirOf(other), SECRET_FILES.postgresSuperuser)), 0o600);
      // Each cluster accepts its own password only.
      assert.equal(await signIn(pgOther.port, 'postgres', mine), '28P01');
      assert.equal(await signIn(pgOther.port, 'postgres', 'postgres'), '28P01');
      assert.equal(await signIn(pgOther.port, 'postgres', theirs), 'signed in');
    } finally {
      await pgOther.stop();
    }
    const a = embeddedS3Credentials(dataDir);
    const b = embeddedS3Credentials(other);
    assert.notEqual(a.accessKeyId, b.accessKeyId);
    assert.notEqual(a.secretAccessKey, b.secretAccessKey);
  });

  describe('embedded S3', () => {
    let endpoint: string;
    let bucket: string;
    const key = `security/${Date.now()}/ktp.pdf`;
    const client = (accessKeyId: string, secretAccessKey: string) =>
      new S3Client({ endpoint, region: p.config.s3.region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
    before(async function () {
      if (!p.infra.embedded.s3) this.skip();
      endpoint = p.infra.s3Endpoint;
      bucket = p.config.regions[0]!.bucket;
      // What a citizen's upload leaves in the bucket (through the platform's own credentials).
      await client(p.config.s3.accessKeyId, p.config.s3.secretAccessKey).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '%PDF-1.4 NIK 3217010101900001', ContentType: 'application/pdf' }));
    });

    it('the platform’s key pair is generated, not s3rver’s default', () => {
      assert.notEqual(p.config.s3.accessKeyId, 'S3RVER');
      assert.notEqual(p.config.s3.secretAccessKey, 'S3RVER');
      assert.deepEqual(embeddedS3Credentials(dataDir), { accessKeyId: p.config.s3.accessKeyId, secretAccessKey: p.config.s3.secretAccessKey });
    });

    it('an unsigned GET of an uploaded object is refused with 403', async () => {
      const res = await fetch(`${endpoint}/${bucket}/${key}`);
      const body = await res.text();
      assert.equal(res.status, 403, body);
      assert.doesNotMatch(body, /NIK/);
      assert.match(body, /<Code>AccessDenied<\/Code>/);
      // Listing the bucket anonymously, too.
      assert.equal((await fetch(`${endpoint}/${bucket}?list-type=2`)).status, 403);
      // And a V2-style query "signature".
      assert.equal((await fetch(`${endpoint}/${bucket}/${key}?AWSAccessKeyId=S3RVER&Expires=9999999999&Signature=x`)).status, 403);
    });

    it('a request signed with a wrong key is refused with 403 (s3rver’s default pair, a wrong secret)', async () => {
      for (const [id, secretKey, code] of [
        ['S3RVER', 'S3RVER', 'InvalidAccessKeyId'],
        [p.config.s3.accessKeyId, `${p.config.s3.secretAccessKey}x`, 'SignatureDoesNotMatch'],
      ] as const) {
        const err = await client(id, secretKey)
          .send(new GetObjectCommand({ Bucket: bucket, Key: key }))
          .then(
            () => undefined,
            (e: { name?: string; $metadata?: { httpStatusCode?: number } }) => e,
          );
        assert.ok(err, `${id}: the object was served`);
        assert.equal(err.$metadata?.httpStatusCode, 403, `${id}: ${err.name}`);
        assert.equal(err.name, code);
      }
      // A presigned URL signed with the wrong secret, and a correct one whose signature was altered.
      const wrong = await getSignedUrl(client(p.config.s3.accessKeyId, 'not-the-secret'), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });
      assert.equal((await fetch(wrong)).status, 403);
      const right = await getSignedUrl(client(p.config.s3.accessKeyId, p.config.s3.secretAccessKey), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });
      const tampered = right.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
      assert.equal((await fetch(tampered)).status, 403);
      // Another object under the same signature.
      assert.equal((await fetch(right.replace('ktp.pdf', 'kk.pdf'))).status, 403);
    });

    it('a correctly signed request is served (the check above can fail)', async () => {
      const res = await client(p.config.s3.accessKeyId, p.config.s3.secretAccessKey).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      assert.match(await res.Body!.transformToString(), /NIK/);
      const url = await getSignedUrl(client(p.config.s3.accessKeyId, p.config.s3.secretAccessKey), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });
      assert.equal((await fetch(url)).status, 200);
    });
  });
});

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The embedded issuer's sign-in page: Indonesian first, English second, usable by keyboard and screen reader. */
export function loginPage(opts: { action: string; clientName: string; username?: string; error?: boolean }): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk · Satupintu</title>
<style>
 body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1b1f24;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
 main{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 2px 12px #0002;width:min(22rem,90vw)}
 h1{font-size:1.4rem;margin:0 0 .25rem} p.sub{margin:0 0 1.5rem;color:#4a5560}
 label{display:block;font-weight:600;margin:.75rem 0 .25rem} .en{font-weight:400;color:#4a5560}
 input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #6b7785;border-radius:6px;font-size:1rem}
 input:focus{outline:3px solid #0b5fff55;border-color:#0b5fff}
 button{margin-top:1.25rem;width:100%;padding:.7rem;border:0;border-radius:6px;background:#0b4fd6;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
 .err{background:#fdecec;color:#8a1111;padding:.6rem;border-radius:6px}
</style>
</head>
<body>
<main>
 <h1>Masuk ke Satupintu</h1>
 <p class="sub">Sign in to ${esc(opts.clientName)} · realm <code>mpp</code></p>
 ${opts.error ? '<p class="err" role="alert">Nama pengguna atau kata sandi salah. <span lang="en">Invalid username or password.</span></p>' : ''}
 <form method="post" action="${esc(opts.action)}" autocomplete="on">
  <label for="username">Nama pengguna <span class="en" lang="en">/ Username</span></label>
  <input id="username" name="username" required autofocus value="${esc(opts.username ?? '')}" autocomplete="username">
  <label for="password">Kata sandi <span class="en" lang="en">/ Password</span></label>
  <input id="password" name="password" type="password" required autocomplete="current-password">
  <button type="submit">Masuk <span lang="en">/ Sign in</span></button>
 </form>
</main>
</body>
</html>`;
}

// The login page of `yanshou serve`: Chinese first, English second; no inline script (the CSP allows
// only this server's files). The script posts the name and password to /api/login and, once in, opens
// the app; the app comes back here whenever a call answers 401.

export const LOGIN_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 验收台</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; background: #f3f5f8; margin: 0; }
  main { max-width: 360px; margin: 12vh auto; background: #fff; border: 1px solid #d6dbe3; border-radius: 6px; padding: 28px 32px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .en { color: #667; font-size: 13px; }
  label { display: block; margin: 16px 0 4px; font-size: 14px; }
  input { width: 100%; box-sizing: border-box; padding: 8px; font-size: 15px; border: 1px solid #b8c0cc; border-radius: 4px; }
  button { margin-top: 20px; width: 100%; padding: 9px; font-size: 15px; background: #1f5fbf; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button:disabled { background: #8aa6d6; }
  .error { color: #b3261e; margin: 14px 0 0; font-size: 14px; min-height: 1em; }
</style>
</head>
<body>
<main>
  <h1>验收台 · 登录</h1>
  <div class="en">Yanshou · Log in</div>
  <form id="login" autocomplete="on">
    <label for="name">用户名 <span class="en">Name</span></label>
    <input id="name" name="name" autocomplete="username" required autofocus>
    <label for="password">密码 <span class="en">Password</span></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">登录 <span>Log in</span></button>
    <p class="error" id="error" role="alert"></p>
  </form>
</main>
<script src="/login.js"></script>
</body>
</html>
`;

export const LOGIN_SCRIPT = `'use strict';
const form = document.getElementById('login');
const error = document.getElementById('error');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  error.textContent = '';
  try {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: document.getElementById('name').value, password: document.getElementById('password').value }),
    });
    if (res.ok) return location.assign('/');
    const body = await res.json().catch(() => null);
    error.textContent = body && body.messages ? body.messages.zh + ' / ' + body.messages.en : '登录失败 / Login failed (HTTP ' + res.status + ')';
  } catch {
    error.textContent = '无法连接服务器 / Cannot reach the server';
  }
  button.disabled = false;
});
`;

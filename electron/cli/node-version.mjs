// The Node.js the app needs (package.json's engines: >=22.12), checked at the CLI's entry before
// anything is loaded: under an older Node the native store (better-sqlite3, built for Node 22) would
// crash the process ("Segmentation fault") instead of saying why.
export const NEEDED = [22, 12];

/** The one-line message (Chinese, then English) for a Node older than needed; undefined when it will do. */
export function nodeTooOld(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1])) return undefined;
  return (
    `验收台需要 Node.js 22(22.12 或更新),当前是 ${version};请安装 Node.js 22 LTS 后再运行。\n` +
    `Yanshou needs Node.js 22 (22.12 or newer); this is ${version}: install Node.js 22 LTS and run it again.\n`
  );
}

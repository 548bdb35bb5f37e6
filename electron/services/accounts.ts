// Accounts: passwords hashed with argon2id (@node-rs/argon2: a Node-API binary inside its npm package,
// the same file in Node and Electron; OWASP's parameters, 19 MiB and 2 passes), users made and changed
// within an administrator's scope, and the login — one message for a wrong name or password, the same
// time spent on either, and a name refused after too many failures.
import { appError } from '../../shared/errors';
import {
  formatScope,
  misplacedScopePart,
  parseScope,
  roleLabel,
  SCOPE_DEPTH,
  scopeWithin,
  type Caller,
  type Level,
  type Role,
} from '../../shared/accounts';
import {
  callerOfUser,
  changeUser,
  clearLoginFailures,
  findUser,
  insertUser,
  loginBlocked,
  LOGIN_LIMIT,
  noteLoginFailure,
  noUser,
  startSession,
  userInfo,
  type UserRow,
} from './store/accounts';
import type { DB } from './store/database';

/** argon2id (Algorithm.Argon2id = 2; a const enum the bundler cannot read from the package's types). */
const ARGON2ID = 2;
/** Loaded with the first password: the desktop app and most commands never load the native module. */
const argon2 = () => import('@node-rs/argon2');
export const hashPassword = async (password: string): Promise<string> => (await argon2()).hash(password, { algorithm: ARGON2ID });

/** Checked against when the name is unknown, so a wrong name costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;

async function passwordMatches(user: UserRow | undefined, password: string): Promise<boolean> {
  const stored = user?.password_hash ?? (await (dummyHash ??= hashPassword('not a password of anyone')));
  try {
    return (await (await argon2()).verify(stored, password)) && user !== undefined;
  } catch {
    return false;
  }
}

const LEVEL_WORDS: Record<Level, [string, string]> = {
  province: ['省', 'province'],
  prefecture: ['市(地级)', 'prefecture'],
  county: ['县(市、区)', 'county'],
};

function checkScope(role: Role, scopeText: string, caller: Caller): string {
  const scope = parseScope(scopeText);
  const depths = SCOPE_DEPTH[role];
  if (!scope || !depths.includes(scope.length))
    throw appError(
      'invalid_input',
      `${roleLabel(role, 'zh')}的范围应写作 ${['(空)', '省', '省/市', '省/市/县'].filter((_, i) => depths.includes(i)).join(' 或 ')},如 江西省/宜春市/樟树市:${scopeText || '(空)'}`,
      `A ${roleLabel(role, 'en')}'s scope is ${['(none)', 'province', 'province/prefecture', 'province/prefecture/county'].filter((_, i) => depths.includes(i)).join(' or ')}, e.g. 江西省/宜春市/樟树市: ${scopeText || '(none)'}`,
      { field: 'scope' },
    );
  const misplaced = misplacedScopePart(scope);
  if (misplaced)
    throw appError(
      'invalid_input',
      `范围 ${formatScope(scope)} 的${LEVEL_WORDS[misplaced.part][0]}“${misplaced.name}”是${LEVEL_WORDS[misplaced.is][0]}的名称,不是${LEVEL_WORDS[misplaced.part][0]}:请按 省/市/县 的次序写,如 江西省/宜春市/樟树市`,
      `In the scope ${formatScope(scope)}, the ${LEVEL_WORDS[misplaced.part][1]} “${misplaced.name}” is the name of a ${LEVEL_WORDS[misplaced.is][1]}, not a ${LEVEL_WORDS[misplaced.part][1]}: write province/prefecture/county in that order, e.g. 江西省/宜春市/樟树市`,
      { field: 'scope' },
    );
  if (caller.kind === 'user' && !scopeWithin(scope, caller.scope))
    throw appError(
      'out_of_scope',
      `范围 ${formatScope(scope) || '(全部)'} 超出了您的范围 ${formatScope(caller.scope)}`,
      `The scope ${formatScope(scope) || '(all)'} is outside yours, ${formatScope(caller.scope)}`,
      { field: 'scope' },
    );
  return formatScope(scope);
}

/** An administrator sees and changes the accounts within its scope only (the owner every account). */
function assertManages(caller: Caller, user: UserRow | undefined, name: string): UserRow {
  if (!user || (caller.kind === 'user' && !scopeWithin(parseScope(user.scope) ?? [], caller.scope))) throw noUser(name);
  return user;
}

export async function addUser(db: DB, caller: Caller, input: { name: string; role: Role; scope: string; password: string }) {
  const scope = checkScope(input.role, input.scope, caller);
  const passwordHash = await hashPassword(input.password);
  return userInfo(insertUser(db, { name: input.name, role: input.role, scope, passwordHash }));
}

export async function updateUser(db: DB, caller: Caller, input: { name: string; disabled?: boolean; password?: string }) {
  const managed = assertManages(caller, findUser(db, input.name), input.name);
  // An administrator disabling its own account would end its own session mid-work, and could lock every administrator out.
  if (input.disabled && caller.kind === 'user' && caller.id === managed.id)
    throw appError(
      'forbidden',
      '不能停用自己的账户(请由另一位管理员停用)',
      'You cannot disable your own account (another administrator can)',
      { field: 'disabled' },
    );
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const user = changeUser(db, input.name, { disabled: input.disabled, passwordHash });
  return { ...userInfo(user), disabled: user.disabled === 1 };
}

/** The accounts a caller manages, as listed. */
export function usersOf(caller: Caller, all: UserRow[]) {
  return all
    .filter((u) => caller.kind === 'owner' || scopeWithin(parseScope(u.scope) ?? [], caller.scope))
    .map((u) => ({ ...userInfo(u), disabled: u.disabled === 1, createdAt: u.created_at, changedAt: u.changed_at }));
}

export const badLogin = () => appError('bad_login', '用户名或密码不正确', 'Wrong name or password', {}, { status: 401 });

/** Logs a person in: their session token and who they are; refused with one message for a wrong name or password. */
export async function login(db: DB, name: string, password: string) {
  const key = name.trim();
  if (loginBlocked(db, key)) {
    const minutes = Math.round(LOGIN_LIMIT.windowMs / 60_000);
    throw appError(
      'too_many_attempts',
      `登录失败次数过多,请 ${minutes} 分钟后再试`,
      `Too many failed logins; try again in ${minutes} minutes`,
      {},
      { status: 429 },
    );
  }
  const user = findUser(db, key);
  if (!(await passwordMatches(user, password))) {
    noteLoginFailure(db, key);
    throw badLogin();
  }
  if (user!.disabled)
    throw appError('user_disabled', '该账户已停用,请联系管理员', 'This account is disabled; ask your administrator', {}, { status: 403 });
  clearLoginFailures(db, key);
  return { token: startSession(db, user!.id), user: userInfo(user!), caller: callerOfUser(user!) };
}

// Ordered schema migrations; PRAGMA user_version is the index of the last one applied (in a
// PostgreSQL workspace, the table yanshou_schema). Both engines run this one list: write a new
// migration in the DDL both understand (CREATE TABLE / INDEX, ALTER TABLE … ADD COLUMN, INTEGER, REAL,
// TEXT, CHECK, REFERENCES … ON DELETE CASCADE); workspace.ts gives PostgreSQL its types (BIGINT, …).
// Money columns (…_fen) hold integers of 分. Ids are never reused (AUTOINCREMENT), so an id the
// app remembers can never come to mean another record.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    county_name TEXT NOT NULL,
    county_key TEXT NOT NULL,
    province TEXT,
    prefecture TEXT,
    batch INTEGER NOT NULL,
    year INTEGER NOT NULL,
    approved_on TEXT,
    accepted_on TEXT,
    investment_total_fen INTEGER NOT NULL,
    investment_central_fen INTEGER NOT NULL,
    investment_local_gov_fen INTEGER NOT NULL,
    investment_social_fen INTEGER NOT NULL,
    central_arranged_use_fen INTEGER NOT NULL,
    status_note TEXT NOT NULL DEFAULT '',
    stated_total_rate TEXT,
    UNIQUE (county_key, batch)
  );
  CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    seq INTEGER NOT NULL,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    target TEXT NOT NULL,
    completion TEXT NOT NULL,
    completion_rate TEXT
  );
  CREATE INDEX items_record ON items(record_id, position);
  CREATE TABLE disbursements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    seq INTEGER NOT NULL,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    planned_fen INTEGER NOT NULL,
    actual_fen INTEGER NOT NULL,
    stated_rate TEXT
  );
  CREATE INDEX disbursements_record ON disbursements(record_id, position);
  -- The change log: one step per user action, its changes in order. Undo/redo read it.
  CREATE TABLE steps (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    label TEXT NOT NULL,
    record_id INTEGER,
    undone INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    record_id INTEGER,
    field TEXT,
    before TEXT,
    after TEXT
  );
  CREATE INDEX changes_step ON changes(step_id);
  `,
  // Each step belongs to the client that made it (undo per window, tab or CLI run), and keeps
  // what it named (county, table, row, field) for its label.
  `
  ALTER TABLE steps ADD COLUMN client TEXT NOT NULL DEFAULT 'desktop';
  ALTER TABLE steps ADD COLUMN client_kind TEXT NOT NULL DEFAULT 'desktop';
  ALTER TABLE steps ADD COLUMN detail TEXT;
  CREATE INDEX steps_client ON steps(client, undone, id);
  CREATE INDEX changes_row ON changes(table_name, row_id);
  CREATE INDEX changes_record ON changes(record_id);

  -- An amount may be not entered (NULL) while a person fills the table in. SQLite cannot drop a
  -- NOT NULL, so the table is rebuilt, keeping every id and the id sequence (an id is never reused:
  -- the change log refers to rows by id).
  CREATE TABLE disbursements_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    seq INTEGER NOT NULL,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    planned_fen INTEGER,
    actual_fen INTEGER,
    stated_rate TEXT
  );
  INSERT INTO disbursements_next (id, record_id, position, seq, category, name, planned_fen, actual_fen, stated_rate)
    SELECT id, record_id, position, seq, category, name, planned_fen, actual_fen, stated_rate FROM disbursements;
  DELETE FROM sqlite_sequence WHERE name = 'disbursements_next';
  INSERT INTO sqlite_sequence (name, seq) SELECT 'disbursements_next', seq FROM sqlite_sequence WHERE name = 'disbursements';
  DROP TABLE disbursements;
  ALTER TABLE disbursements_next RENAME TO disbursements;
  CREATE INDEX disbursements_record ON disbursements(record_id, position);
  `,
  // Review status with sign-off: 草稿 → 已提交 → 已审核 → 已验收, who set it, when, and a remark.
  `
  ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed', 'accepted'));
  ALTER TABLE records ADD COLUMN status_by TEXT;
  ALTER TABLE records ADD COLUMN status_at TEXT;
  ALTER TABLE records ADD COLUMN status_remark TEXT;
  `,
  // The disbursement ledger: payments in tranches under each line of table 三.
  `
  CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    disbursement_id INTEGER NOT NULL REFERENCES disbursements(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    paid_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    payee TEXT NOT NULL DEFAULT '',
    voucher TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX payments_line ON payments(disbursement_id, paid_on);
  CREATE INDEX payments_record ON payments(record_id);
  `,
  // Preferences of the person using this data file (the name a status change is signed with):
  // set once, kept outside the change log (nothing to undo).
  `
  CREATE TABLE preferences (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Import III: a basic fact (项目总投资, 中央资金, 政府配套资金, 社会资本, 安排使用中央资金) may be not
  // given (NULL): the record is incomplete until a person completes it. SQLite cannot drop a NOT NULL,
  // so the table is rebuilt keeping every id, column and the id sequence (run with foreign keys off,
  // see database.ts, so the rows that refer to a record stay).
  `
  CREATE TABLE records_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    county_name TEXT NOT NULL,
    county_key TEXT NOT NULL,
    province TEXT,
    prefecture TEXT,
    batch INTEGER NOT NULL,
    year INTEGER NOT NULL,
    approved_on TEXT,
    accepted_on TEXT,
    investment_total_fen INTEGER,
    investment_central_fen INTEGER,
    investment_local_gov_fen INTEGER,
    investment_social_fen INTEGER,
    central_arranged_use_fen INTEGER,
    status_note TEXT NOT NULL DEFAULT '',
    stated_total_rate TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed', 'accepted')),
    status_by TEXT,
    status_at TEXT,
    status_remark TEXT,
    UNIQUE (county_key, batch)
  );
  INSERT INTO records_next (id, county_name, county_key, province, prefecture, batch, year, approved_on, accepted_on,
      investment_total_fen, investment_central_fen, investment_local_gov_fen, investment_social_fen, central_arranged_use_fen,
      status_note, stated_total_rate, status, status_by, status_at, status_remark)
    SELECT id, county_name, county_key, province, prefecture, batch, year, approved_on, accepted_on,
      investment_total_fen, investment_central_fen, investment_local_gov_fen, investment_social_fen, central_arranged_use_fen,
      status_note, stated_total_rate, status, status_by, status_at, status_remark FROM records;
  DELETE FROM sqlite_sequence WHERE name = 'records_next';
  INSERT INTO sqlite_sequence (name, seq) SELECT 'records_next', seq FROM sqlite_sequence WHERE name = 'records';
  DROP TABLE records;
  ALTER TABLE records_next RENAME TO records;
  `,
  // A record's version: raised by every step (and every undo or redo) that changes its figures, not by a
  // status change. An acceptance names the version the reviewer saw; a record changed since is refused.
  `
  ALTER TABLE records ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  `,
  // Corrections of an import's reading confirmed by a person, remembered for the sheet's layout
  // (its headings and shape) and offered the next time a workbook of that layout arrives.
  `
  CREATE TABLE import_layouts (
    layout TEXT PRIMARY KEY,
    correction TEXT NOT NULL,
    file TEXT NOT NULL,
    sheet TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  // 四、绩效自评: a record's performance part (one row: the money, its 其中 rows, goals, weights,
  // the stated total) and its indicators. Money in 分; scores and weights as decimal text.
  `
  CREATE TABLE performance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL UNIQUE REFERENCES records(id) ON DELETE CASCADE,
    funds_initial_fen INTEGER,
    funds_budget_fen INTEGER,
    funds_executed_fen INTEGER,
    funds_weight TEXT NOT NULL DEFAULT '10',
    funds_stated_rate TEXT,
    funds_stated_score TEXT,
    current_initial_fen INTEGER,
    current_budget_fen INTEGER,
    current_executed_fen INTEGER,
    carryover_initial_fen INTEGER,
    carryover_budget_fen INTEGER,
    carryover_executed_fen INTEGER,
    other_initial_fen INTEGER,
    other_budget_fen INTEGER,
    other_executed_fen INTEGER,
    goal_expected TEXT NOT NULL DEFAULT '',
    goal_achieved TEXT NOT NULL DEFAULT '',
    weight_output TEXT NOT NULL DEFAULT '50',
    weight_outcome TEXT NOT NULL DEFAULT '30',
    weight_satisfaction TEXT NOT NULL DEFAULT '10',
    stated_total TEXT
  );
  CREATE TABLE performance_indicators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position REAL NOT NULL,
    level1 TEXT NOT NULL CHECK (level1 IN ('output', 'outcome', 'satisfaction')),
    level2 TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    actual TEXT NOT NULL DEFAULT '',
    weight TEXT,
    score TEXT,
    deviation TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX performance_indicators_record ON performance_indicators(record_id, position);
  `,
  // Accounts of a team workspace (docs/workspace.md): users with a role and a scope, their sessions (in
  // the database, so every server instance shares them), failed logins per name (the rate limit), and
  // the user each step of the change log was made by (null: the local owner). Times are ISO text (UTC).
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('county', 'prefecture', 'province', 'admin')),
    scope TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX login_failures_name ON login_failures(name, at);
  ALTER TABLE steps ADD COLUMN user_name TEXT;
  `,
  `
  -- The answers of write requests, by the client's request id: a retry (its answer was lost) is
  -- answered as before instead of being applied twice (requests.ts).
  CREATE TABLE requests (
    client TEXT NOT NULL,
    request TEXT NOT NULL,
    result TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (client, request)
  );
  CREATE INDEX requests_at ON requests(at);
  `,
  // A record's summary key: set anew (a value never used before) by every step, undo and redo that touches
  // the record, in that step's transaction; a list reuses a summary it computed only while the key is the same.
  `
  ALTER TABLE records ADD COLUMN summary_key TEXT;
  UPDATE records SET summary_key = hex(randomblob(16));
  `,
  `
  -- The change log's position (what a screen's seen counts): raised by every step, whose id it gives,
  -- and by every undo or redo, so a screen that read a record before another window's undo is refused.
  -- Never lowered: a step discarded after an undo does not give its id again.
  CREATE TABLE log_position (pos INTEGER NOT NULL);
  INSERT INTO log_position (pos) SELECT COALESCE(MAX(id), 0) FROM steps;
  -- Each cell an undo or redo changed, at the position it took, by whom and when.
  CREATE TABLE replays (
    pos INTEGER NOT NULL,
    step_id INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    field TEXT,
    at TEXT NOT NULL,
    client TEXT NOT NULL,
    client_kind TEXT NOT NULL,
    user_name TEXT,
    direction TEXT NOT NULL
  );
  CREATE INDEX replays_row ON replays(table_name, row_id, pos);
  `,
  // The day an acceptance froze a record's figures at: the day the accepting person saw (their calendar,
  // sent by their window), not the UTC day of status_at. Earlier acceptances keep the day they were frozen at.
  `
  ALTER TABLE records ADD COLUMN status_day TEXT;
  UPDATE records SET status_day = substr(status_at, 1, 10) WHERE status_at IS NOT NULL;
  -- Each restore of a backup into the data file, at the log position it took (above any the file had before
  -- the restore): a screen that read the file before it is stale, whatever its cells.
  CREATE TABLE restores (pos INTEGER NOT NULL, at TEXT NOT NULL, backup TEXT NOT NULL);
  `,
  // A step its window skipped in its undo (others built on it, so it cannot be undone): it stays in effect and in
  // the history, marked, and the window's undo goes on with the steps below it.
  `
  ALTER TABLE steps ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * PostgreSQL's form of the migrations SQLite can only do by rebuilding a table (dropping a NOT NULL):
 * PostgreSQL alters the column, keeping the table, its ids and the foreign keys that refer to it; and
 * of those that use a function of SQLite's own (a random value).
 */
export const POSTGRES_FORMS: Readonly<Record<number, string>> = {
  1: `
  ALTER TABLE steps ADD COLUMN client TEXT NOT NULL DEFAULT 'desktop';
  ALTER TABLE steps ADD COLUMN client_kind TEXT NOT NULL DEFAULT 'desktop';
  ALTER TABLE steps ADD COLUMN detail TEXT;
  CREATE INDEX steps_client ON steps(client, undone, id);
  CREATE INDEX changes_row ON changes(table_name, row_id);
  CREATE INDEX changes_record ON changes(record_id);
  ALTER TABLE disbursements ALTER COLUMN planned_fen DROP NOT NULL, ALTER COLUMN actual_fen DROP NOT NULL;
  `,
  5: `
  ALTER TABLE records ALTER COLUMN investment_total_fen DROP NOT NULL, ALTER COLUMN investment_central_fen DROP NOT NULL,
    ALTER COLUMN investment_local_gov_fen DROP NOT NULL, ALTER COLUMN investment_social_fen DROP NOT NULL,
    ALTER COLUMN central_arranged_use_fen DROP NOT NULL;
  `,
  11: `
  ALTER TABLE records ADD COLUMN summary_key TEXT;
  UPDATE records SET summary_key = md5(random() || '-' || id);
  `,
};

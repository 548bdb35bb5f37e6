// The app's dialogs: export, blank template, new record, review status, settings, workspace (the
// import preview is ImportDialog.tsx). Their frame, error line and buttons are ui/Modal.tsx.
import { useState } from 'react';
import { findingMessage, type Lang } from '../../shared/i18n';
import { parseCountyField } from '../../shared/fields';
import { type County } from '../../shared/record';
import { countySchema } from '../../shared/schema';
import type { RecordSummary } from './Sidebar';
import type { Strings } from './strings';
import { api } from './api';
import { message } from './useRecord';
import { saveOrDownload, XLSX_TYPE, type PickedFile } from './files';
import { statusDay, type ReviewStatus, type StatusInfo } from '../../shared/status';
import { ErrorLine, FormDialog, Modal, ScriptChoice } from './ui/Modal';
import { needsReason, nextStatus, statusRequest } from './statusChange';

export type { PickedFile };

/** A workbook made by the store: saved where the user says (desktop) or downloaded; the dialog closes, or says why not. */
async function saveWorkbook(
  to: { desktop: boolean; lang: Lang; onSaved: (path: string) => void; onClose: () => void; setError: (e: string) => void },
  save: () => Promise<{ path: string | null }>,
  make: () => Promise<{ fileName: string; bytes: Uint8Array }>,
) {
  try {
    const path = await saveOrDownload(to.desktop, save, make, XLSX_TYPE);
    if (path) to.onSaved(path);
    to.onClose();
  } catch (e) {
    to.setError(message(e, to.lang));
  }
}

/** The records to export: each with a box, and one box for all. */
function RecordPicker({
  records,
  chosen,
  onChange,
  t,
}: {
  records: RecordSummary[];
  chosen: Set<number>;
  onChange: (chosen: Set<number>) => void;
  t: Strings;
}) {
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <>
      <p className="pick-all">
        <label>
          <input
            type="checkbox"
            checked={records.length > 0 && chosen.size === records.length}
            onChange={(e) => onChange(new Set(e.target.checked ? records.map((r) => r.id) : []))}
          />
          {t.selectAll}
        </label>
      </p>
      <ul className="pick">
        {records.map((r) => (
          <li key={r.id}>
            <label>
              <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
              {r.county} · {t.batchOf} {r.batch}
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}

/** `asOf`: the day chosen for the open record's figures; the workbook gives every record's figures as of it (null: each its own). */
export function ExportDialog({
  records,
  current,
  asOf,
  t,
  lang,
  desktop,
  onSaved,
  onClose,
  onTemplate,
}: {
  records: RecordSummary[];
  current: number | null;
  asOf: string | null;
  t: Strings;
  lang: Lang;
  desktop: boolean;
  onSaved: (path: string) => void;
  onClose: () => void;
  onTemplate: () => void;
}) {
  const [chosen, setChosen] = useState<Set<number>>(new Set(current ? [current] : records.map((r) => r.id)));
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const go = async () => {
    setWorking(true);
    const request = { ids: [...chosen], script, ...(asOf ? { asOf } : {}) };
    await saveWorkbook(
      { desktop, lang, onSaved, onClose, setError },
      () => api.saveExport(request),
      () => api.exportWorkbook(request),
    );
    setWorking(false);
  };
  return (
    <Modal title={t.exportTitle} onClose={onClose}>
      <RecordPicker records={records} chosen={chosen} onChange={setChosen} t={t} />
      <ScriptChoice name="script" script={script} onChange={setScript} t={t} />
      {asOf && (
        <p className="as-of-shown" data-testid="export-as-of">
          {t.asOfShown(asOf)}
        </p>
      )}
      <ErrorLine error={error} />
      {working && (
        <p className="working" role="status" data-testid="export-working">
          {t.exporting(chosen.size)}
        </p>
      )}
      <div className="buttons">
        <button className="template-link" onClick={onTemplate} title={t.templateHint}>
          {t.template}
        </button>
        <span className="spacer" />
        <button onClick={onClose}>{t.cancel}</button>
        <button className="primary" disabled={chosen.size === 0 || working} onClick={() => void go()}>
          {t.download}
        </button>
      </div>
    </Modal>
  );
}

const NEW_FIELDS = ['name', 'province', 'prefecture', 'batch', 'year'] as const;

/** An input whose whole value is selected when it is entered, by Tab or by a click (the click's mouseup would undo it). */
const selectOnEnter = {
  onFocus: (e: React.FocusEvent<HTMLInputElement>) => {
    e.target.select();
    e.target.dataset.justFocused = '1';
  },
  onMouseUp: (e: React.MouseEvent<HTMLInputElement>) => {
    if (e.currentTarget.dataset.justFocused) e.preventDefault();
    delete e.currentTarget.dataset.justFocused;
  },
};

/** New record, or a duplicate to another batch (then only the batch is asked). */
export function RecordDialog({
  t,
  lang,
  duplicateOf,
  onClose,
  onDone,
}: {
  t: Strings;
  lang: Lang;
  duplicateOf: RecordSummary | null;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(
    duplicateOf ? { batch: String(duplicateOf.batch + 1) } : { year: String(new Date().getFullYear()) },
  );
  const [error, setError] = useState<string | null>(null);
  const fields = duplicateOf ? (['batch'] as const) : NEW_FIELDS;
  const submit = async () => {
    const parsed: Record<string, unknown> = {};
    for (const f of fields) {
      const p = parseCountyField(f, values[f] ?? '');
      if (!p.ok)
        return setError(
          `${t.fields[f]}: ${findingMessage({ severity: 'error', code: p.code, params: { field: `county.${f}`, value: values[f] ?? '' } }, lang)}`,
        );
      parsed[f] = p.value;
    }
    try {
      if (duplicateOf) onDone((await api.duplicateRecord({ id: duplicateOf.id, batch: parsed.batch as number })).id);
      else {
        const county: County = countySchema.parse({
          ...parsed,
          approvedOn: null,
          acceptedOn: null,
          // Figures not known yet are empty, not 0: the record says it is incomplete until they are typed.
          investment: { total: null, central: null, localGov: null, social: null },
          centralArrangedUse: null,
          statusNote: '',
        });
        onDone((await api.createRecord({ county })).id);
      }
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <FormDialog
      title={duplicateOf ? `${t.duplicateRecord}: ${duplicateOf.county}` : t.newRecord}
      t={t}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
    >
      {fields.map((f) => (
        <label key={f} className="field">
          <span>
            {t.fields[f]}
            {f === 'name' || f === 'batch' || f === 'year' ? ` (${t.required})` : ''}
          </span>
          <input
            name={f}
            value={values[f] ?? ''}
            autoFocus={f === fields[0]}
            onChange={(e) => setValues({ ...values, [f]: e.target.value })}
            // A suggested value (this year, the next batch) is selected when the field is entered, so typing replaces it.
            {...(f === 'year' || duplicateOf ? selectOnEnter : {})}
          />
        </label>
      ))}
    </FormDialog>
  );
}

/** The statuses to choose from; an accepted record is not accepted again (the store refuses it): its sign-off stays as it is. */
/** The statuses the server says this user may set the record to now (getRecord's statusChoices): the only ones offered. */
function StatusChoice({
  t,
  status,
  choices,
  onChange,
}: {
  t: Strings;
  status: ReviewStatus | undefined;
  choices: readonly ReviewStatus[];
  onChange: (s: ReviewStatus) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{t.newStatus}</legend>
      {choices.length === 0 && <p className="note">{t.noStatusChoice}</p>}
      {choices.map((s) => (
        <label key={s}>
          <input type="radio" name="status" checked={status === s} onChange={() => onChange(s)} /> {t.statuses[s]}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Changes a record's review status, signed with the name set once in the preferences (asked here
 * the first time), with an optional remark; leaving 已验收 needs a reason (statusChange.ts). One undo step.
 */
export function StatusDialog({
  record,
  name,
  t,
  lang,
  onClose,
  onDone,
}: {
  /** `version`: the record's version as this window shows it; the store refuses the change if the record changed since. */
  /** `choices`: the statuses the server says this user may set it to now (getRecord's statusChoices): the only ones offered. */
  record: { id: number; county: string; batch: number; status: StatusInfo; version?: number; seen?: number; choices: ReviewStatus[] };
  name: string | null;
  t: Strings;
  lang: Lang;
  onClose: () => void;
  onDone: (status: ReviewStatus, name: string) => void;
}) {
  const next = nextStatus(record.status.status);
  const [status, setStatus] = useState<ReviewStatus | undefined>(record.choices.includes(next) ? next : record.choices[0]);
  const [remark, setRemark] = useState('');
  const [signer, setSigner] = useState(name ?? '');
  const [askName, setAskName] = useState(!name);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!status) return onClose();
    const asked = statusRequest({ record, status, signer, remark }, t);
    if ('error' in asked) return setError(asked.error);
    const { by } = asked.request;
    try {
      if (by !== name) await api.setPreferences({ name: by });
      await api.setStatus(asked.request);
      onDone(status, by);
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <FormDialog
      title={t.statusTitle(`${record.county} · ${t.batchOf} ${record.batch}`)}
      className="status-form"
      t={t}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
    >
      <p>
        {t.statusLabel}: <b>{t.statuses[record.status.status]}</b>
        {record.status.by ? ` (${t.statusBy(record.status.by, statusDay(record.status))})` : ''}
      </p>
      <StatusChoice t={t} status={status} choices={record.choices} onChange={setStatus} />
      <label className="field">
        <span>{status && needsReason(record.status.status, status) ? t.unlockReason : t.remark}</span>
        <textarea name="remark" rows={2} value={remark} autoFocus={!!name} onChange={(e) => setRemark(e.target.value)} />
      </label>
      {askName ? (
        <label className="field">
          <span>{t.yourName}</span>
          <input name="name" value={signer} autoFocus={!name} onChange={(e) => setSigner(e.target.value)} />
        </label>
      ) : (
        <p className="signer">
          {t.signedBy}: <b>{signer}</b>{' '}
          <button type="button" className="link" onClick={() => setAskName(true)}>
            {t.settings}
          </button>
        </p>
      )}
    </FormDialog>
  );
}

/** 设置: the name status changes are signed with (set once, kept in the data file). */
export function SettingsDialog({
  name,
  t,
  lang,
  onClose,
  onSaved,
}: {
  name: string | null;
  t: Strings;
  lang: Lang;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [value, setValue] = useState(name ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!value.trim()) return setError(t.nameNeeded);
    try {
      const saved = await api.setPreferences({ name: value.trim() });
      onSaved(saved.name ?? value.trim());
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <FormDialog title={t.settingsTitle} t={t} onClose={onClose} onSubmit={() => void submit()} error={error} submit={t.save}>
      <label className="field">
        <span>{t.nameLabel}</span>
        <input name="name" value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
      </label>
    </FormDialog>
  );
}

/** 文件 › 打开工作区… (desktop): a team workspace's address, the user's name and password; once in, the window works there. */
export function WorkspaceDialog({ t, lang, onClose, onOpened }: { t: Strings; lang: Lang; onClose: () => void; onOpened: () => void }) {
  const [address, setAddress] = useState('https://');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await api.openWorkspace({ address, name, password });
      onOpened();
    } catch (e) {
      setError(message(e, lang));
    }
  };
  return (
    <FormDialog title={t.workspaceTitle} t={t} onClose={onClose} onSubmit={() => void submit()} error={error} submit={t.workspaceLogin}>
      <p className="hint">{t.workspaceHint}</p>
      <label className="field">
        <span>{t.workspaceAddress}</span>
        <input name="address" type="url" value={address} autoFocus onChange={(e) => setAddress(e.target.value)} />
      </label>
      <label className="field">
        <span>{t.workspaceName}</span>
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t.workspacePassword}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
    </FormDialog>
  );
}

/** 空白模板: the blank acceptance workbook for counties, in either script. */
export function TemplateDialog({
  t,
  lang,
  desktop,
  onClose,
  onSaved,
}: {
  t: Strings;
  lang: Lang;
  desktop: boolean;
  onClose: () => void;
  onSaved: (path: string) => void;
}) {
  const [script, setScript] = useState<'hans' | 'hant'>('hans');
  const [error, setError] = useState<string | null>(null);
  const go = () =>
    void saveWorkbook(
      { desktop, lang, onSaved, onClose, setError },
      () => api.saveTemplate({ script }),
      () => api.exportTemplate({ script }),
    );
  return (
    <Modal title={t.templateTitle} onClose={onClose}>
      <p className="hint">{t.templateHint}</p>
      <ScriptChoice name="template-script" script={script} onChange={setScript} t={t} />
      <ErrorLine error={error} />
      <div className="buttons">
        <button onClick={onClose}>{t.cancel}</button>
        <button className="primary" onClick={go}>
          {t.templateDownload}
        </button>
      </div>
    </Modal>
  );
}

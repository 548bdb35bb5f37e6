// The first start on an empty data file: what can be done from nothing — the demo record to look
// around, a new record, an import of the workbooks counties sent, the blank template to send them.
import { useRef } from 'react';
import type { PickedFile } from './files';
import { WorkbookInput } from './ui/WorkbookInput';
import type { Strings } from './strings';

type Props = {
  t: Strings;
  /** Absent for a signed-in user of a team workspace: the demo record is the local owner's. */
  onDemo?: () => void;
  onNew: () => void;
  onImport: (files: PickedFile[]) => void;
  onTemplate: () => void;
  /** 已删除的县: a county deleted (the last one, say) can be brought back from here too. */
  onDeleted: () => void;
};

export function Welcome({ t, onDemo, onNew, onImport, onTemplate, onDeleted }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section className="welcome" data-testid="welcome">
      <h2>{t.welcomeTitle}</h2>
      <p>{t.welcomeText}</p>
      <ul className="welcome-actions">
        {onDemo && (
          <li>
            <button className="primary" onClick={onDemo}>
              {t.welcomeDemo}
            </button>
            <span>{t.welcomeDemoHint}</span>
          </li>
        )}
        <li>
          <button onClick={onNew}>{t.welcomeNew}</button>
          <span>{t.welcomeNewHint}</span>
        </li>
        <li>
          <button onClick={() => fileInput.current?.click()}>{t.import}</button>
          <span>{t.welcomeImportHint}</span>
        </li>
        <li>
          <button onClick={onTemplate}>{t.template}</button>
          <span>{t.welcomeTemplateHint}</span>
        </li>
        <li>
          <button onClick={onDeleted}>{t.deletedOpen}</button>
          <span>{t.welcomeDeletedHint}</span>
        </li>
      </ul>
      <WorkbookInput inputRef={fileInput} onImport={onImport} />
    </section>
  );
}

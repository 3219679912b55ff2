import { useEffect, useRef, useState } from 'react';
import { getDb } from '../../../lib/db';
import { commitImport, type ImportProgress } from '../../../lib/db/import';
import type { EncodingChoice } from '../../../lib/io/csv/decode';
import type { LoadedFile } from '../../../lib/io/import/session';
import { IMPORT_ENTITIES, IMPORT_FIELDS, type ColumnMapping, type ImportEntity } from '../../../lib/io/import/fields';
import { detectMappedDateFormats, duplicateHeaderWarnings, headerSetKey, mappingFromStored, mappingToStored, proposeMapping, type Crm } from '../../../lib/io/import/profiles';
import type { ImportPlan, ImportSite } from '../../../lib/io/import/rows';
import type { DateFormat } from '../../../lib/io/import/values';
import { describeStorageError } from '../../../lib/io/backup/storage-error';
import { signalBookChanged } from '../../../lib/platform/badge';
import { readFileBytes } from '../../../lib/platform/download';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { ImportHistory } from './ImportHistory';
import { IssueGroups } from './IssueGroups';
import { createPreviewClient, type PreviewClient, type PreviewPhase } from './previewClient';

const ENCODINGS: EncodingChoice[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-874'];

interface Loaded {
  fileName: string;
  /** Headers, the first rows and counts; the whole file stays in the import worker. */
  file: LoadedFile;
  crm: Crm;
}

const siteOf = (crm: Crm): ImportSite => (crm === 'generic' ? 'csv' : crm);

/** Import: choose a file → check the columns (and date order if unclear) → preview → one-transaction write. */
export function ImportSection() {
  const { t, settings, update, locale } = useSettings();
  const show = useToast((s) => s.show);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [entity, setEntity] = useState<ImportEntity>('deals');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateFormats, setDateFormats] = useState<Record<string, DateFormat>>({});
  // Rows without a record id that look like stored records: update them, or import them as new.
  const [naturalMatches, setNaturalMatches] = useState<'update' | 'new'>('update');
  // Column pickers list every header only once opened: a 10,000-column file would otherwise put
  // hundreds of thousands of <option>s in the page.
  const [openPickers, setOpenPickers] = useState<ReadonlySet<string>>(new Set());
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  // Date columns the AE was asked about; kept while they answer and preview again.
  const [asked, setAsked] = useState<ImportPlan['needsDateFormat']>([]);
  const [busy, setBusy] = useState<null | 'reading' | 'previewing'>(null);
  const [phase, setPhase] = useState<PreviewPhase | null>(null);
  const client = useRef<PreviewClient | null>(null);
  const preview$ = () => (client.current ??= createPreviewClient());
  useEffect(() => () => client.current?.close(), []);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fmt = (n: number) => n.toLocaleString(locale);

  function reset() {
    setLoaded(null);
    setPlan(null);
    setError(null);
    setProgress(null);
    setDateFormats({});
    setAsked([]);
    setNaturalMatches('update');
    setOpenPickers(new Set());
  }

  function mappingFor(file: LoadedFile, e: ImportEntity, crm: Crm): ColumnMapping {
    const stored = settings.importMappings[`${e}:${headerSetKey(file.headers)}`];
    return stored ? mappingFromStored(stored, file.headers, e) : proposeMapping(file.headers, file.sample.slice(0, 50), e, crm);
  }

  async function onFile(file: File, enc: EncodingChoice) {
    reset();
    setBusy('reading');
    try {
      const bytes = await readFileBytes(file);
      const r = await preview$().load(bytes, enc, setPhase);
      if (!r.ok) throw new Error(t(r.key, r.params));
      setLoaded({ fileName: file.name, file: r.file, crm: r.file.crm });
      setEntity(r.file.entity);
      setMapping(mappingFor(r.file, r.file.entity, r.file.crm));
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
      setPhase(null);
    }
  }

  async function preview(matchMode = naturalMatches) {
    if (!loaded) return;
    setBusy('previewing');
    setError(null);
    try {
      // In the import worker: the page stays responsive on a 100,000-row or 10,000-column file.
      const p = await preview$().plan(
        mapping,
        {
          entity,
          site: siteOf(loaded.crm),
          now: Date.now(),
          defaultCurrency: settings.reportingCurrency,
          stageRules: settings.stageRules,
          dateFormats,
          naturalMatches: matchMode,
        },
        setPhase,
      );
      setPlan(p);
      if (p.needsDateFormat.length > 0) setAsked(p.needsDateFormat);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      setPhase(null);
    }
  }

  async function runImport() {
    if (!loaded || !plan) return;
    setError(null);
    try {
      const result = await commitImport(getDb(), plan, setProgress, Date.now(), { fileName: loaded.fileName });
      // The toolbar badge (overdue next steps) follows at once.
      void signalBookChanged().catch(() => undefined);
      const key = `${entity}:${headerSetKey(loaded.file.headers)}`;
      const stored = mappingToStored(mapping, loaded.file.headers);
      await update((s) => ({ ...s, importMappings: { ...s.importMappings, [key]: stored } }));
      show(t('ioui.import.done', { created: fmt(result.created), updated: fmt(result.updated), accounts: fmt(result.accountsCreated) }));
      reset();
    } catch (e) {
      const d = describeStorageError(e);
      setError(t('ioui.import.failed', { error: t(d.key, d.params) }));
      setProgress(null);
    }
  }

  const fields = IMPORT_FIELDS[entity];
  const headers = loaded?.file.headers ?? [];
  const detected = loaded ? detectMappedDateFormats(headers, loaded.file.sample, mapping, entity) : {};
  const ambiguous = asked;
  const writable = plan ? plan.creates.length + plan.updates.length : 0;

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('ioui.import.title')}</h2>
      <p className="help">{t('ioui.import.help')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="import-file">{t('ioui.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void onFile(f, encoding);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-encoding">{t('ioui.import.encoding')}</label>
          <select
            id="import-encoding"
            value={encoding}
            onChange={(e) => {
              const enc = e.target.value as EncodingChoice;
              setEncoding(enc);
              const input = document.getElementById('import-file') as HTMLInputElement | null;
              const f = input?.files?.[0];
              if (f) void onFile(f, enc);
            }}
          >
            {ENCODINGS.map((x) => (
              <option key={x} value={x}>
                {t(`io.encoding.${x}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {busy !== null && (
        <p className="help" role="status" data-testid="import-phase">
          {t(`ioui.import.phase.${phase ?? 'reading'}`)}
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="import-error">
          {error}
        </p>
      )}

      {loaded && (
        <>
          <p data-testid="import-detected">
            {t('io.detected', { crm: t(`io.crm.${loaded.crm}`), entity: t(`io.entity.${entity}`) })}{' '}
            {t('ioui.import.rows', { rows: fmt(loaded.file.rowCount), columns: headers.length })} ({loaded.file.encoding})
          </p>
          {loaded.file.decodedSample && (
            <p className="help" data-testid="import-decoded-sample" lang="und">
              {t('io.decode.sample', { sample: loaded.file.decodedSample })}
            </p>
          )}
          {(loaded.file.badRowCount > 0 || loaded.file.bomMismatch) && (
            <p className="banner banner-warn" role="alert" data-testid="import-decoding">
              {loaded.file.bomMismatch && t('io.decode.bomMismatch', { bom: loaded.file.bomMismatch, encoding: loaded.file.encoding })}{' '}
              {loaded.file.badRowCount > 0 &&
                t('io.decode.badRows', { count: loaded.file.badRowCount, encoding: loaded.file.encoding, rows: loaded.file.badRows.join(', ') })}
            </p>
          )}
          {duplicateHeaderWarnings(headers, mapping).map((w) => (
            <p key={w.params.name} className="banner banner-warn" data-testid="import-duplicate-header">
              {t(w.key, w.params)}
            </p>
          ))}
          {loaded.file.errorCount > 0 && (
            <div className="banner banner-warn">
              <strong>{t('ioui.import.parseErrors')}</strong>
              <ul>
                {loaded.file.errors.map((e, i) => (
                  <li key={i}>{t(e.message, { row: e.row, ...e.params })}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="field">
            <label htmlFor="import-entity">{t('ioui.import.entity')}</label>
            <select
              id="import-entity"
              value={entity}
              onChange={(e) => {
                const next = e.target.value as ImportEntity;
                setEntity(next);
                setMapping(mappingFor(loaded.file, next, loaded.crm));
                setPlan(null);
              }}
            >
              {IMPORT_ENTITIES.map((x) => (
                <option key={x} value={x}>
                  {t(`io.entity.${x}`)}
                </option>
              ))}
            </select>
          </div>

          <h3>{t('ioui.import.mapping')}</h3>
          <p className="help">{t('ioui.import.mapping.help')}</p>
          <table>
            <thead>
              <tr>
                <th>{t('ioui.import.field')}</th>
                <th>{t('ioui.import.column')}</th>
                <th>{t('ioui.import.sample')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const col = mapping[f.field];
                const sample = col === null || col === undefined ? '' : (loaded.file.sample.find((r) => r[col]?.trim())?.[col] ?? '');
                return (
                  <tr key={f.field}>
                    <td>
                      <label htmlFor={`map-${f.field}`}>{t(`io.field.${f.field}`)}</label>
                      {f.required && <span className="tag">{t('ioui.import.required')}</span>}
                    </td>
                    <td>
                      <select
                        id={`map-${f.field}`}
                        value={col ?? ''}
                        onFocus={() => !openPickers.has(f.field) && setOpenPickers(new Set([...openPickers, f.field]))}
                        onPointerDown={() => !openPickers.has(f.field) && setOpenPickers(new Set([...openPickers, f.field]))}
                        onChange={(e) => {
                          setMapping({ ...mapping, [f.field]: e.target.value === '' ? null : Number(e.target.value) });
                          setPlan(null);
                        }}
                      >
                        <option value="">{t('io.mapping.ignore')}</option>
                        {headers.length <= 200 || openPickers.has(f.field)
                          ? headers.map((h, i) => (
                              <option key={i} value={i}>
                                {h}
                              </option>
                            ))
                          : col !== null && col !== undefined && <option value={col}>{headers[col]}</option>}
                      </select>
                    </td>
                    <td className="muted">{sample.slice(0, 60)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          {ambiguous.length > 0 && (
            <>
              <h3>{t('ioui.import.dates')}</h3>
              {ambiguous.map((a) => (
                <div className="field" key={a.field}>
                  <label htmlFor={`datefmt-${a.field}`}>{t('io.mapping.askDateFormat', { column: a.column })}</label>
                  <select
                    id={`datefmt-${a.field}`}
                    value={dateFormats[a.field] ?? ''}
                    onChange={(e) => {
                      const chosen = e.target.value as DateFormat;
                      // One answer serves every date column of the file still open the same way.
                      const next = { ...dateFormats, [a.field]: chosen };
                      for (const other of ambiguous) if (!(other.field in dateFormats) && other.candidates.includes(chosen)) next[other.field] = chosen;
                      setDateFormats(next);
                      setPlan(null);
                    }}
                  >
                    <option value="" disabled>
                      …
                    </option>
                    {a.candidates.map((c) => (
                      <option key={c} value={c}>
                        {t(`io.dateFormat.${c}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </>
          )}
          {Object.entries(detected).some(([, d]) => d && !d.ambiguous) && (
            <p className="help" data-testid="import-date-formats">
              {Object.entries(detected)
                .flatMap(([field, d]) => (d && !d.ambiguous ? [`${t(`io.field.${field}`)}: ${t(`io.dateFormat.${d.format}`)}${d.buddhistEra ? ' (พ.ศ.)' : ''}`] : []))
                .join(' · ')}
            </p>
          )}

          <div className="row">
            <button type="button" className="primary" onClick={() => void preview()} disabled={busy !== null || progress !== null} data-testid="import-preview">
              {busy === 'previewing' ? t('ioui.import.previewing') : t('ioui.import.preview')}
            </button>
            <button type="button" onClick={reset}>
              {t('ioui.import.cancel')}
            </button>
          </div>
        </>
      )}

      {plan && (
        <div className="preview" data-testid="import-plan">
          {plan.missingFields.length > 0 && (
            <p role="alert" className="error">
              {plan.missingFields.map((f) => t('io.mapping.missing', { field: t(`io.field.${f}`) })).join(' ')}
            </p>
          )}
          <ul className="chips">
            <li className="kind" data-testid="plan-creates">{t('io.preview.creates', { count: fmt(plan.creates.length) })}</li>
            <li className="kind" data-testid="plan-updates">{t('io.preview.updates', { count: fmt(plan.updates.length) })}</li>
            <li className="kind" data-testid="plan-rejects">{t('io.preview.rejects', { count: fmt(plan.rejects.length) })}</li>
            {plan.accountsToCreate.length > 0 && <li className="kind">{t('io.preview.accounts', { count: fmt(plan.accountsToCreate.length) })}</li>}
            {plan.warnings.length > 0 && <li className="kind">{t('ioui.import.warnings', { count: fmt(plan.warnings.length) })}</li>}
          </ul>
          {plan.unknownStages.length > 0 && (
            <p className="banner banner-warn">{t('io.preview.unknownStages', { stages: plan.unknownStages.map((s) => `${s.stage} (${s.count})`).join(', ') })}</p>
          )}
          {plan.naturalMatches.count > 0 && (
            <fieldset className="banner" data-testid="plan-natural-matches">
              <legend>
                {t('ioui.import.matches', {
                  count: plan.naturalMatches.count,
                  rules: Object.keys(plan.naturalMatches.byRule)
                    .map((r) => t(`ioui.import.rule.${r}`))
                    .join(', '),
                })}
              </legend>
              {(['update', 'new'] as const).map((mode) => (
                <label key={mode} className="check">
                  <input
                    type="radio"
                    name="natural-matches"
                    value={mode}
                    checked={naturalMatches === mode}
                    onChange={() => {
                      setNaturalMatches(mode);
                      void preview(mode);
                    }}
                  />{' '}
                  {t(`ioui.import.matches.${mode}`)}
                </label>
              ))}
            </fieldset>
          )}
          <IssueGroups issues={plan.rejects} title={t('ioui.import.rejectsTitle')} testId="plan-reject-list" />
          <IssueGroups issues={plan.warnings} title={t('ioui.import.warningsTitle')} testId="plan-warning-list" />
          {progress ? (
            <div>
              <progress max={progress.total || 1} value={progress.done} aria-label={t('ioui.import.progress', { done: fmt(progress.done), total: fmt(progress.total) })} />
              <p className="help">{t('ioui.import.progress', { done: fmt(progress.done), total: fmt(progress.total) })}</p>
            </div>
          ) : writable > 0 && plan.missingFields.length === 0 && plan.needsDateFormat.length === 0 ? (
            <button type="button" className="primary" onClick={() => void runImport()} data-testid="import-go">
              {t('ioui.import.go', { count: fmt(writable) })}
            </button>
          ) : (
            <p className="help">{t('ioui.import.nothing')}</p>
          )}
        </div>
      )}
      <ImportHistory />
    </section>
  );
}

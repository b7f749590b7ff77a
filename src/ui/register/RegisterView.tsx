import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { SearchBox } from '@fluentui/react/lib/SearchBox';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { DefaultButton } from '@fluentui/react/lib/Button';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { RegisterService } from '../../services/registerService';
import type { AccountPerson } from '../../services/ports/accounts';
import type { RegisterCursor, RegisterPage, RegisterQuery, RegisterSort } from '../../services/ports/register';
import { ACCOUNT_STATUSES, PLATFORMS } from '../../domain/register/choices';
import { useServices } from '../common/ServicesContext';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { REFLOW_BELOW_PX, reflowTableClass } from '../common/reflowTable';
import { OursCheck } from './OursCheck';
import { linkColour } from './linkColour';
import { AccountDetailPanel } from './AccountDetailPanel';
import { AccountEditForm } from './AccountEditForm';
import { HashtagsSection } from './HashtagsSection';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { downloadCsv } from '../common/download';
import { ImportPanelBody, type ImportState } from './ImportPanel';
import { UnfinishedImports } from './UnfinishedImports';

// The account register for everyone (PRODUCT.md C2): "is this account ours?" first, since that is
// what most people come for, then the register itself: search, filters, sort on indexed columns,
// pages that continue from where the last one ended, a detail panel, and the CSV export.

const PAGE_SIZE = 20;
const SERVICE_DELAY_MS = 400;

type OwnerFilter = { kind: 'anyone' } | { kind: 'me' } | { kind: 'person'; person: AccountPerson };

interface Filters {
  search: string;
  platform?: string;
  status?: string;
  service: string;
  owner: OwnerFilter;
}

const NO_FILTERS: Filters = { search: '', service: '', owner: { kind: 'anyone' } };

/** True while the table is drawn as cards (the reflow's own width), where headers are not shown. */
function useNarrow(): boolean {
  const query = `(max-width: ${REFLOW_BELOW_PX - 0.02}px)`;
  const [narrow, setNarrow] = React.useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches);
  React.useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return undefined;
    const on = (): void => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return narrow;
}

export default function RegisterView(): React.ReactElement {
  const services = useServices();
  const [state, reload] = useAsync(() => services.register(), [services]);
  if (state.status === 'loading') return <Spinner label={strings.Loading} />;
  if (state.status === 'error') return <ErrorBar error={state.error} onRetry={reload} scope="site" />;
  return <Register service={state.value} />;
}

function Register({ service }: { service: RegisterService }): React.ReactElement {
  const theme = useTheme();
  // Filters, sort and the cursor each page starts from (page 1 from the top) change together: a new
  // question starts again at page 1, and going back reuses the cursor kept.
  const [view, setView] = React.useState<{ filters: Filters; sort: { by: RegisterSort; descending: boolean }; cursors: (RegisterCursor | undefined)[] }>(
    { filters: NO_FILTERS, sort: { by: 'name', descending: false }, cursors: [undefined] });
  const { filters, sort, cursors } = view;
  const setFilters = React.useCallback((change: (f: Filters) => Filters) => setView((v) => {
    const next = change(v.filters);
    return next === v.filters ? v : { ...v, filters: next, cursors: [undefined] };
  }), []);
  const setSort = (change: (cur: { by: RegisterSort; descending: boolean }) => { by: RegisterSort; descending: boolean }): void =>
    setView((v) => ({ ...v, sort: change(v.sort), cursors: [undefined] }));
  const setCursors = (change: (c: (RegisterCursor | undefined)[]) => (RegisterCursor | undefined)[]): void => setView((v) => ({ ...v, cursors: change(v.cursors) }));
  const [serviceText, setServiceText] = React.useState('');
  const [searchText, setSearchText] = React.useState('');
  const [openId, setOpenId] = React.useState<number | undefined>();
  const [adding, setAdding] = React.useState(false);
  // The import's file, preview and run stay here while the view lives, so closing the panel or a
  // failure loses nothing: Retry carries on the same run.
  const [importOpen, setImportOpen] = React.useState(false);
  const [importState, setImportState] = React.useState<ImportState>({ step: 'choose' });
  const [exporting, setExporting] = React.useState<number | undefined>();
  const [exportError, setExportError] = React.useState<unknown>();
  const pageNumber = cursors.length;

  // The owning-service box filters as people type, once they pause.
  React.useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.service === serviceText ? f : { ...f, service: serviceText })), SERVICE_DELAY_MS);
    return () => clearTimeout(t);
  }, [serviceText, setFilters]);

  const [page, reloadPage] = useAsync<RegisterPage>(async () => {
    const q: RegisterQuery = {
      sort: sort.by, descending: sort.descending, pageSize: PAGE_SIZE, after: cursors[cursors.length - 1],
      search: filters.search || undefined, platform: filters.platform, status: filters.status, service: filters.service || undefined
    };
    if (filters.owner.kind === 'me') q.ownerId = await service.me();
    if (filters.owner.kind === 'person') q.ownerId = filters.owner.person.userId;
    return service.page(q);
  }, [service, view]);
  // The first page is the first paint, one SharePoint round trip; what only comms use (edit rights)
  // and the hashtag register below the table are read once it is on screen.
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => { if (page.status !== 'loading') setPainted(true); }, [page.status]);
  const [rights] = useAsync(() => (painted ? service.editRights() : Promise.resolve({ canEdit: false, canAdd: false })), [service, painted]);

  const s = mergeStyleSets({
    heading: { ...theme.fonts.large, fontWeight: 600, margin: '0 0 4px' },
    intro: { margin: '0 0 12px' },
    ours: { padding: 12, margin: '0 0 16px', border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4 },
    filters: { display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'flex-end', margin: '8px 0 12px' },
    search: { flex: '2 1 260px', minWidth: 0 },
    // Two filters side by side even at a phone's width, so the table is not pushed below the fold.
    filter: { flex: '1 1 130px', minWidth: 0 },
    sortButton: {
      background: 'none', border: 0, padding: 0, font: 'inherit', fontWeight: 600, color: theme.semanticColors.bodyText, cursor: 'pointer', textAlign: 'left',
      selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}` } }
    },
    nameButton: {
      background: 'none', border: 0, padding: 0, font: 'inherit', color: linkColour(theme), textDecoration: 'underline', cursor: 'pointer', textAlign: 'left',
      selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}` } }
    },
    subtle: { color: theme.semanticColors.bodySubtext },
    pager: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '12px 0' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '16px 0 0' }
  });
  const table = reflowTableClass(theme);

  const platformOptions: IDropdownOption[] = [{ key: '', text: strings.RegisterAny }, ...PLATFORMS.map((p) => ({ key: p, text: p }))];
  const statusOptions: IDropdownOption[] = [{ key: '', text: strings.RegisterAny }, ...ACCOUNT_STATUSES.map((p) => ({ key: p, text: p }))];
  const ownerOptions: IDropdownOption[] = [{ key: 'anyone', text: strings.RegisterAnyone }, { key: 'me', text: strings.RegisterMe }];
  if (filters.owner.kind === 'person') ownerOptions.push({ key: 'person', text: filters.owner.person.name });
  const filtering = filters.search !== '' || !!filters.platform || !!filters.status || filters.service !== '' || filters.owner.kind !== 'anyone';

  const columns: { key: string; label: string; sort?: RegisterSort }[] = [
    { key: 'name', label: strings.RegisterColName, sort: 'name' },
    { key: 'platform', label: strings.RegisterColPlatform, sort: 'platform' },
    { key: 'handle', label: strings.RegisterColHandle, sort: 'handle' },
    { key: 'service', label: strings.RegisterColService, sort: 'service' },
    { key: 'status', label: strings.RegisterColStatus, sort: 'status' },
    { key: 'owner', label: strings.RegisterColOwner }
  ];
  const narrow = useNarrow();
  const sortOptions: IDropdownOption[] = columns.filter((c) => c.sort).flatMap((c) => [
    { key: `${c.sort}:asc`, text: `${c.label} ↑` }, { key: `${c.sort}:desc`, text: `${c.label} ↓` }
  ]);
  const toggleSort = (by: RegisterSort): void => setSort((cur) => ({ by, descending: cur.by === by ? !cur.descending : false }));

  const exportCsv = async (): Promise<void> => {
    setExporting(0);
    setExportError(undefined);
    try {
      downloadCsv('account-register.csv', await service.exportCsv(setExporting));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <section aria-labelledby="smh-register-heading" data-testid="register">
      <h2 id="smh-register-heading" className={s.heading}>{strings.RegisterHeading}</h2>
      <p className={s.intro}>{strings.RegisterIntro}</p>
      <div className={s.ours}><OursCheck service={service} onOpen={setOpenId} /></div>

      <div className={s.filters} role="group" aria-label={strings.RegisterFilters}>
        <SearchBox
          className={s.search} placeholder={strings.RegisterSearch} ariaLabel={strings.RegisterSearch} value={searchText} maxLength={255} data-testid="register-search"
          onChange={(_, v) => setSearchText(v ?? '')} onSearch={(v) => setFilters((f) => ({ ...f, search: v.trim() }))} onClear={() => setFilters((f) => ({ ...f, search: '' }))}
        />
        <Dropdown className={s.filter} label={strings.RegisterPlatform} options={platformOptions} selectedKey={filters.platform ?? ''} data-testid="filter-platform"
          onChange={(_, o) => setFilters((f) => ({ ...f, platform: o?.key ? String(o.key) : undefined }))} />
        <Dropdown className={s.filter} label={strings.RegisterStatus} options={statusOptions} selectedKey={filters.status ?? ''} data-testid="filter-status"
          onChange={(_, o) => setFilters((f) => ({ ...f, status: o?.key ? String(o.key) : undefined }))} />
        <TextField className={s.filter} label={strings.RegisterService} placeholder={strings.RegisterServiceHelp} value={serviceText} onChange={(_, v) => setServiceText(v ?? '')} data-testid="filter-service" />
        <Dropdown className={s.filter} label={strings.RegisterOwner} options={ownerOptions} selectedKey={filters.owner.kind} data-testid="filter-owner"
          onChange={(_, o) => setFilters((f) => ({ ...f, owner: o?.key === 'me' ? { kind: 'me' } : o?.key === 'person' ? f.owner : { kind: 'anyone' } }))} />
        {/* Cards have no column headers to click: under the reflow width, sort from here. */}
        {narrow && (
          <Dropdown className={s.filter} label={strings.RegisterSortLabel} options={sortOptions} selectedKey={`${sort.by}:${sort.descending ? 'desc' : 'asc'}`} data-testid="sort"
            onChange={(_, o) => { if (o) { const [by, dir] = String(o.key).split(':'); setSort(() => ({ by: by as RegisterSort, descending: dir === 'desc' })); } }} />
        )}
        {filtering && <DefaultButton text={strings.RegisterClearFilters} onClick={() => { setServiceText(''); setSearchText(''); setFilters(() => NO_FILTERS); }} />}
      </div>

      {page.status === 'error' && <ErrorBar error={page.error} onRetry={reloadPage} scope="site" />}
      {page.status === 'loading' && <Spinner label={strings.Loading} />}
      {page.status === 'ready' && (page.value.rows.length === 0 ? <Notice kind="info">{strings.RegisterNoneFound}</Notice> : (
        <>
          <p className={s.subtle} aria-live="polite" data-testid="register-summary">{page.value.rows.length === 1 ? format(strings.RegisterShowingOne, pageNumber) : format(strings.RegisterShowing, page.value.rows.length, pageNumber)}</p>
          {/* Explicit roles: a row drawn as a card (display: block) under 600 px must still read as a table row. */}
          <table className={table} role="table" data-testid="register-table">
            <thead role="rowgroup">
              <tr role="row">
                {columns.map((c) => (
                  <th key={c.key} scope="col" role="columnheader" aria-sort={c.sort && sort.by === c.sort ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                    {c.sort && !narrow ? (
                      <button type="button" className={s.sortButton} onClick={() => toggleSort(c.sort!)} title={format(strings.RegisterSortBy, c.label)} data-sort={c.sort}>
                        {c.label}{sort.by === c.sort ? (sort.descending ? ' ↓' : ' ↑') : ''}
                      </button>
                    ) : c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {page.value.rows.map((r) => (
                <tr key={r.id} role="row" data-account-id={r.id}>
                  <td role="cell" data-label={strings.RegisterColName}><div><button type="button" className={s.nameButton} onClick={() => setOpenId(r.id)}>{r.name || r.handle}</button></div></td>
                  <td role="cell" data-label={strings.RegisterColPlatform}><div>{r.platform}</div></td>
                  <td role="cell" data-label={strings.RegisterColHandle}><div>{r.handle}</div></td>
                  <td role="cell" data-label={strings.RegisterColService}><div>{r.service ?? ''}</div></td>
                  <td role="cell" data-label={strings.RegisterColStatus}><div>{r.status}</div></td>
                  <td role="cell" data-label={strings.RegisterColOwner}><div>{r.owner?.name ?? strings.RegisterNoOwner}{r.backup && <><br /><span className={s.subtle}>{format(strings.RegisterRowBackup, r.backup.name)}</span></>}</div></td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className={s.pager} aria-label={format(strings.RegisterPageOf, pageNumber)}>
            <DefaultButton text={strings.RegisterPrevious} disabled={pageNumber === 1} onClick={() => setCursors((c) => c.slice(0, -1))} />
            <span>{format(strings.RegisterPageOf, pageNumber)}</span>
            <DefaultButton text={strings.RegisterNext} disabled={!page.value.next} onClick={() => { const next = page.value.next; if (next) setCursors((c) => [...c, next]); }} />
          </nav>
        </>
      ))}

      <div className={s.actions}>
        {rights.status === 'ready' && rights.value.canAdd && <DefaultButton text={strings.RegAdd} onClick={() => setAdding(true)} data-testid="account-add" />}
        {rights.status === 'ready' && rights.value.canAdd && service.imports && <DefaultButton text={strings.RegisterImportOpen} onClick={() => setImportOpen(true)} data-testid="import-open" />}
        <DefaultButton text={exporting === undefined ? strings.RegisterExport : format(strings.RegisterExporting, exporting.toLocaleString('en-GB'))} onClick={() => void exportCsv()} disabled={exporting !== undefined} />
      </div>
      {exportError !== undefined && <ErrorBar error={exportError} onRetry={() => void exportCsv()} />}
      {rights.status === 'ready' && rights.value.canAdd && service.imports && <UnfinishedImports service={service.imports} onChanged={reloadPage} />}

      {openId !== undefined && (
        <AccountDetailPanel service={service} accountId={openId} onDismiss={() => setOpenId(undefined)} onChanged={reloadPage}
          onOwnerFilter={(person) => { setOpenId(undefined); setFilters((f) => ({ ...f, owner: { kind: 'person', person } })); }} />
      )}
      {painted && service.hashtags && <HashtagsSection service={service.hashtags} />}

      {adding && (
        <Panel isOpen onDismiss={() => setAdding(false)} type={PanelType.medium} headerText={strings.RegAdd} closeButtonAriaLabel={strings.RegisterDetailClose} data-testid="account-add-panel">
          <AccountEditForm service={service} onCancel={() => setAdding(false)} onSaved={(id) => { setAdding(false); reloadPage(); setOpenId(id); }} />
        </Panel>
      )}
      {importOpen && service.imports && (
        <Panel isOpen onDismiss={() => setImportOpen(false)} type={PanelType.large} headerText={strings.RegisterImportHeading} closeButtonAriaLabel={strings.RegisterDetailClose} data-testid="import-panel">
          <ImportPanelBody service={service.imports} state={importState} setState={setImportState} onImported={reloadPage} onClose={() => { setImportOpen(false); setImportState({ step: 'choose' }); }} />
        </Panel>
      )}
    </section>
  );
}

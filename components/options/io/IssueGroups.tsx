import { groupIssues, rowRanges } from '../../../lib/io/import/issues';
import type { ImportIssue } from '../../../lib/io/import/rows';
import { useSettings } from '../../providers/settings-context';

const GROUPS_SHOWN = 50;

/** Warnings or rejects, one line per kind of problem with its count and rows ("278 rows (2–279): no created date"). */
export function IssueGroups({ issues, title, testId }: { issues: readonly ImportIssue[]; title: string; testId: string }) {
  const { t, locale } = useSettings();
  if (issues.length === 0) return null;
  const groups = groupIssues(issues);
  return (
    <>
      <h4>{title}</h4>
      <ul className="rejects" data-testid={testId}>
        {groups.slice(0, GROUPS_SHOWN).map((g) => {
          const params = {
            count: g.rows.length.toLocaleString(locale),
            value: g.value,
            rows: rowRanges(g.rows, (n) => t('ioui.import.andMore', { count: n })),
            column: g.column,
            message: t(g.message, g.params),
          };
          return (
            <li key={`${g.message}:${g.column}`}>
              {t(`ioui.import.group${g.rows.length === 1 ? 'One' : 'Many'}${g.column ? 'Column' : ''}`, params)}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Where a record behind a figure opens in the app. */
import type { StatsLink } from '../../../shared/stats';
import type { View } from '../app/AppState';

export function viewOf(link: StatsLink): View {
  switch (link.view) {
    case 'attendance':
      return { kind: 'attendance', townshipId: link.townshipId, month: link.month };
    case 'cadre':
      return { kind: 'cadre', id: link.cadreId };
    case 'events':
      return { kind: 'events', checkId: link.checkId };
    case 'verifications':
      return { kind: 'events', tab: 'verifications', year: link.year };
    case 'worklog':
      return { kind: 'worklog', cadreId: link.cadreId, tab: link.tab };
    case 'work': {
      const { tab, projectId, villageId, cadreId } = link;
      return {
        kind: 'work',
        tab,
        ...(projectId ? { projectId } : {}),
        ...(villageId ? { villageId } : {}),
        ...(cadreId ? { cadreId } : {}),
      };
    }
  }
}

/** The button text of a link. */
export function linkLabel(link: StatsLink): string {
  switch (link.view) {
    case 'attendance':
      return '考勤表';
    case 'cadre':
      return '干部';
    case 'events':
      return '督查';
    case 'verifications':
      return '核查';
    case 'worklog':
      return '报告';
    case 'work':
      return link.tab === 'projects'
        ? '项目'
        : link.tab === 'weak'
          ? '薄弱村'
          : link.tab === 'support'
            ? '保障'
            : link.tab === 'income'
              ? '村集体经济'
              : '规划';
  }
}

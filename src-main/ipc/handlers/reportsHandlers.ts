import type { reportsChannels } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import { reportFileName, ReportService } from '../../services/reports';
import type { HandlersFor } from '../handlerTypes';

export function reportsHandlers(services: AppServices): HandlersFor<typeof reportsChannels> {
  const reports = () => new ReportService((draftId) => services.drafts().projection(draftId));
  return {
    'reports.export': async ({ report, format, draftId, locale }) => {
      const fileName = reportFileName(report, draftId, format);
      if (format === 'csv') return { fileName, mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', data: reports().csv(report, draftId, locale) };
      const buffer = await reports().xlsx(report, draftId, locale, new Date());
      return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', data: buffer.toString('base64') };
    },
    'reports.table': ({ report, draftId, locale }) => reports().table(report, draftId, locale),
  };
}

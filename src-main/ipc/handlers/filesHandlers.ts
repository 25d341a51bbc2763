import type { filesChannels } from '../../common/ipc/channels/files';
import type { AppServices } from '../../services/appServices';
import { PolicyFileService } from '../../services/policyFiles/PolicyFileService';
import { reportFileName, ReportService } from '../../services/reports/ReportService';
import type { HandlersFor } from '../handlerTypes';

export function filesHandlers(services: AppServices): HandlersFor<typeof filesChannels> {
  const policyFiles = () => new PolicyFileService(services.drafts(), services.session.workspaces.data(services.workspace().id), services.readPolicyFile);
  const reports = () => new ReportService((draftId) => services.drafts().projection(draftId));
  return {
    'policy.export': (input) => (input.kind === 'draft' ? policyFiles().exportDraft(input.draftId, input.locale) : policyFiles().exportSnapshot(input.draftId, input.locale)),
    'policy.import': ({ text }) => policyFiles().import(text),
    'reports.export': async ({ report, format, draftId, locale }) => {
      const fileName = reportFileName(report, draftId, format);
      if (format === 'csv') return { fileName, mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', data: reports().csv(report, draftId, locale) };
      const buffer = await reports().xlsx(report, draftId, locale, new Date());
      return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', data: buffer.toString('base64') };
    },
    'reports.table': ({ report, draftId, locale }) => reports().table(report, draftId, locale),
  };
}

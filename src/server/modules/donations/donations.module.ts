import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { cancerAidRoutes } from './cancer-aid.routes';
import { cancerAidRecord } from './cancer-aid.service';
import { donationIndicators } from './donations.indicators';
import { donationsIo } from './donations.io';
import { donationsRoutesPlugin } from './donations.routes';
import { beneficiaryRecord, disbursementRecord, donationRecord, driveRecord } from './donations.service';
import {
  beneficiaries,
  cancerAidApplications,
  disbursements,
  donations,
  fundraisingDrives,
} from './donations.table';
import { donationTodoProviders } from './donations.todos';

export const donationsModule = defineModule({
  name: 'donations',
  label: auditModuleLabels.donations,
  routes: [donationsRoutesPlugin, cancerAidRoutes],
  io: donationsIo,
  indicators: donationIndicators,
  todos: donationTodoProviders,
  records: [driveRecord, donationRecord, beneficiaryRecord, disbursementRecord, cancerAidRecord],
  scopedTables: [fundraisingDrives, donations, beneficiaries, disbursements, cancerAidApplications],
  figures: {
    dashboard: {
      aid: [
        { indicatorKey: 'donations.raised', label: { zh: '募集善款（元）', en: 'Raised (yuan)' } },
        { indicatorKey: 'donations.disbursed', label: { zh: '发放善款（元）', en: 'Disbursed (yuan)' } },
        {
          indicatorKey: 'donations.students',
          filters: { beneficiaryKind: 'student' },
          label: { zh: '资助困难学生', en: 'Students aided' },
        },
        { indicatorKey: 'cancer.aided', label: { zh: '两癌救助妇女', en: 'Women aided' } },
      ],
    },
  },
  keyTables: [fundraisingDrives, donations, disbursements, cancerAidApplications],
});

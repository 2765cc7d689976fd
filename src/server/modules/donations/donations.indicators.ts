import { sql } from 'drizzle-orm';
import {
  aidFundLabels,
  beneficiaryKindLabels,
  cancerAidStatusLabels,
  cancerTypeLabels,
  disbursementStatusLabels,
  drivePurposeLabels,
} from '../../../contracts/donations';
import type { Indicator } from '../../kernel/indicators/registry';

/*
 * Money indicators count yuan: the registry's figures are whole numbers, so a source's `amount` is
 * its fen / 100 as numeric and the registry's sum is rounded once, to the yuan, at the end (a total
 * never drifts by per-record rounding). Counts stay counts.
 */

const yuan = { zh: '元', en: 'yuan' };
const purpose = { label: { zh: '募捐用途', en: 'Purpose' }, values: drivePurposeLabels };
const beneficiaryKind = { label: { zh: '受助对象类别', en: 'Beneficiary' }, values: beneficiaryKindLabels };

/** `donations.drives{purpose}`: 募捐活动, placed by the day they start. */
export const drivesIndicator: Indicator = {
  key: 'donations.drives',
  label: { zh: '开展募捐活动', en: 'Donation drives' },
  unit: { zh: '次', en: 'drives' },
  permission: 'donations.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: { purpose },
  source: ({ from, to }) => sql`
    select d.id as record_id, d.name as record_label, d.starts_on as record_date, d.org_path,
      d.purpose as "purpose", null::uuid as subject_id, null::numeric as amount
    from fundraising_drives d
    where d.deleted_at is null and d.starts_on between ${from}::date and ${to}::date`,
};

/** `donations.raised{purpose, donorKind}`: money received (元), by the day received. */
export const raisedIndicator: Indicator = {
  key: 'donations.raised',
  label: { zh: '募集善款', en: 'Money raised' },
  unit: yuan,
  permission: 'donations.read',
  isFlow: true,
  isOccasional: true,
  measure: 'sum',
  dimensions: {
    purpose,
    donorKind: {
      label: { zh: '捐赠人类别', en: 'Donor' },
      values: { person: { zh: '个人', en: 'Person' }, organisation: { zh: '单位', en: 'Organisation' } },
    },
  },
  source: ({ from, to }) => sql`
    select x.id as record_id, x.receipt_no as record_label, x.received_on as record_date, x.org_path,
      d.purpose as "purpose", x.donor_kind as "donorKind", null::uuid as subject_id,
      x.amount_fen::numeric / 100 as amount
    from donations x join fundraising_drives d on d.id = x.drive_id
    where x.deleted_at is null and x.kind = 'money' and x.received_on between ${from}::date and ${to}::date`,
};

/** A row per paid disbursement of the period (by the day paid), its beneficiary as the subject. */
const paidSource: Indicator['source'] = ({ from, to }) => sql`
  select x.id as record_id, d.name as record_label, x.paid_on as record_date, x.org_path,
    d.purpose as "purpose", b.kind as "beneficiaryKind", x.beneficiary_id as subject_id,
    x.amount_fen::numeric / 100 as amount
  from disbursements x join fundraising_drives d on d.id = x.drive_id
    join beneficiaries b on b.id = x.beneficiary_id
  where x.deleted_at is null and x.status = 'paid' and x.paid_on between ${from}::date and ${to}::date`;

/** `donations.disbursed{purpose, beneficiaryKind}`: money paid out (元). */
export const disbursedIndicator: Indicator = {
  key: 'donations.disbursed',
  label: { zh: '发放善款', en: 'Money disbursed' },
  unit: yuan,
  permission: 'donations.read',
  isFlow: true,
  isOccasional: true,
  measure: 'sum',
  dimensions: { purpose, beneficiaryKind },
  source: paidSource,
};

/** `donations.students{beneficiaryKind}`: beneficiaries paid in the period (students: 资助困难学生N名). */
export const beneficiariesIndicator: Indicator = {
  key: 'donations.students',
  label: { zh: '资助对象', en: 'Beneficiaries aided' },
  unit: { zh: '名', en: 'persons' },
  permission: 'donations.read',
  isFlow: true,
  isOccasional: true,
  measure: 'distinct',
  dimensions: { purpose, beneficiaryKind },
  source: paidSource,
};

/** `donations.disbursements{status}`: disbursements by where they stand, by the day submitted. */
export const disbursementsIndicator: Indicator = {
  key: 'donations.disbursements',
  label: { zh: '发放申报', en: 'Disbursements' },
  unit: { zh: '笔', en: 'items' },
  permission: 'donations.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: { status: { label: { zh: '状态', en: 'Status' }, values: disbursementStatusLabels } },
  source: ({ from, to }) => sql`
    select x.id as record_id, d.name as record_label, x.submitted_on as record_date, x.org_path,
      x.status as "status", null::uuid as subject_id, x.amount_fen::numeric / 100 as amount
    from disbursements x join fundraising_drives d on d.id = x.drive_id
    where x.deleted_at is null and x.submitted_on between ${from}::date and ${to}::date`,
};

const cancerType = { label: { zh: '病种', en: 'Cancer' }, values: cancerTypeLabels };

/** `cancer.aidApplications{status, cancerType}`: aid applications, by the day applied. */
export const aidApplicationsIndicator: Indicator = {
  key: 'cancer.aidApplications',
  label: { zh: '两癌救助申请', en: 'Two-cancer aid applications' },
  unit: { zh: '件', en: 'applications' },
  permission: 'cancerAid.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: { status: { label: { zh: '状态', en: 'Status' }, values: cancerAidStatusLabels }, cancerType },
  source: ({ from, to }) => sql`
    select a.id as record_id, '两癌救助申请' as record_label, a.applied_on as record_date, a.org_path,
      a.status as "status", a.cancer_type as "cancerType", a.person_id as subject_id, null::numeric as amount
    from cancer_aid_applications a
    where a.deleted_at is null and a.applied_on between ${from}::date and ${to}::date`,
};

/** Granted or paid applications, by the day granted (the woman as the subject, the amount in 元). */
const grantedSource: Indicator['source'] = ({ from, to }) => sql`
  select a.id as record_id, '两癌救助' as record_label, a.granted_on as record_date, a.org_path,
    a.fund as "fund", a.cancer_type as "cancerType", a.person_id as subject_id,
    a.amount_fen::numeric / 100 as amount
  from cancer_aid_applications a
  where a.deleted_at is null and a.status in ('granted', 'paid')
    and a.granted_on between ${from}::date and ${to}::date`;

const fund = { label: { zh: '资金来源', en: 'Fund' }, values: aidFundLabels };

/** `cancer.aided{fund, cancerType}`: women granted aid. */
export const aidedIndicator: Indicator = {
  key: 'cancer.aided',
  label: { zh: '救助两癌患病妇女', en: 'Women aided' },
  unit: { zh: '名', en: 'women' },
  permission: 'cancerAid.read',
  isFlow: true,
  isOccasional: true,
  measure: 'distinct',
  dimensions: { fund, cancerType },
  source: grantedSource,
};

/** `cancer.aidAmount{fund, cancerType}`: aid granted (元). */
export const aidAmountIndicator: Indicator = {
  key: 'cancer.aidAmount',
  label: { zh: '两癌救助金', en: 'Two-cancer aid granted' },
  unit: yuan,
  permission: 'cancerAid.read',
  isFlow: true,
  isOccasional: true,
  measure: 'sum',
  dimensions: { fund, cancerType },
  source: grantedSource,
};

export const donationIndicators: Indicator[] = [
  drivesIndicator,
  raisedIndicator,
  disbursedIndicator,
  beneficiariesIndicator,
  disbursementsIndicator,
  aidApplicationsIndicator,
  aidedIndicator,
  aidAmountIndicator,
];

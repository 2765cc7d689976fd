import { sql } from 'drizzle-orm';
import { personRoleLabels } from '../../../contracts/people-roles';
import type { Indicator } from '../../kernel/indicators/registry';

/**
 * `people.roleHolders{role}`: persons holding a role on the last day of the period (a person
 * holding one role in two units counts once in a total, once per unit in a roll-up).
 */
export const roleHoldersIndicator: Indicator = {
  key: 'people.roleHolders',
  label: { zh: '任职人数', en: 'Role holders' },
  unit: { zh: '人', en: 'persons' },
  permission: 'people.read',
  measure: 'distinct',
  dimensions: { role: { label: { zh: '职务', en: 'Role' }, values: personRoleLabels } },
  source: ({ to }) => sql`
    select t.id as record_id, p.name as record_label, t.started_on as record_date, t.org_path, t.role,
      t.person_id as subject_id
    from role_terms t join persons p on p.id = t.person_id
    where t.deleted_at is null and p.deleted_at is null
      and t.started_on <= ${to}::date and (t.ended_on is null or t.ended_on >= ${to}::date)`,
};

export const peopleIndicators: Indicator[] = [roleHoldersIndicator];

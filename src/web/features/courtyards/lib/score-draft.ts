import {
  addDays,
  type CreateInspectionInput,
  DEFAULT_RECTIFICATION_DAYS,
  type InspectionKind,
  type RubricRules,
  type ScoreInput,
} from '../../../../contracts/courtyards';
import { uuidV7 } from '../../../lib/uuid-v7';

export type DraftDeduction = {
  itemCode: string;
  reasonCode?: string;
  reason: string;
  points: number;
  /** Opens a 整改 with a deadline when the inspection is saved. */
  isRectifying: boolean;
};

/** 入户评分 in progress: kept in localStorage on every change, so a closed tab or a dead battery loses nothing. */
export type ScoreDraft = {
  /** Made when the form opens; every retry sends it again, so the inspection is saved once. */
  id: string;
  householdId?: string;
  householdLabel?: string;
  orgUnitId?: string;
  kind: InspectionKind;
  inspectedOn: string;
  groupId?: string;
  inspectorNames: string;
  /** Points the inspector gave each item before deductions (absent: full marks). */
  given: Record<string, number>;
  deductions: DraftDeduction[];
  vetoCodes: string[];
  note: string;
  rectifyDays: number;
  isSigned: boolean;
};

const KEY = 'bbt.courtyards.scoreDraft';

export const newScoreDraft = (inspectedOn: string, inspectorNames: string): ScoreDraft => ({
  id: uuidV7(),
  kind: 'monthly',
  inspectedOn,
  inspectorNames,
  given: {},
  deductions: [],
  vetoCodes: [],
  note: '',
  rectifyDays: DEFAULT_RECTIFICATION_DAYS,
  isSigned: false,
});

export const loadScoreDraft = (): ScoreDraft | null => {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const d = JSON.parse(raw) as ScoreDraft;
    return typeof d?.id === 'string' && typeof d.inspectedOn === 'string' ? d : null;
  } catch {
    return null;
  }
};

export const storeScoreDraft = (draft: ScoreDraft) => {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the draft still lives in the page.
  }
};

export const clearScoreDraft = () => {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
};

/** Only items the inspector changed are sent: the rule counts an unscored item as full marks. */
export const scoreInputOf = (draft: ScoreDraft, rules: RubricRules): ScoreInput => {
  const codes = new Set(rules.areas.flatMap((a) => a.items.map((i) => i.code)));
  const veto = new Set(rules.vetoItems.map((v) => v.code));
  return {
    itemScores: Object.entries(draft.given)
      .filter(([code]) => codes.has(code))
      .map(([itemCode, score]) => ({ itemCode, score })),
    deductions: draft.deductions.filter((d) => codes.has(d.itemCode)),
    vetoCodes: draft.vetoCodes.filter((c) => veto.has(c)),
  };
};

export const createInputOf = (draft: ScoreDraft, rules: RubricRules): CreateInspectionInput => {
  const score = scoreInputOf(draft, rules);
  const rectifyBy = addDays(draft.inspectedOn, draft.rectifyDays);
  return {
    id: draft.id,
    householdId: draft.householdId as string,
    kind: draft.kind,
    inspectedOn: draft.inspectedOn,
    groupId: draft.groupId,
    inspectorNames: draft.inspectorNames.trim() || undefined,
    itemScores: score.itemScores,
    deductions: draft.deductions
      .filter((d) => score.deductions.includes(d))
      .map((d) => ({
        itemCode: d.itemCode,
        reasonCode: d.reasonCode,
        reason: d.reason,
        points: d.points,
        isRectifying: d.isRectifying,
        rectifyBy: d.isRectifying ? rectifyBy : undefined,
      })),
    vetoCodes: score.vetoCodes,
    note: draft.note.trim() || undefined,
  };
};

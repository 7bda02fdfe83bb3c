import type { disciplineVi } from './messages.vi.js';

/** English words of the discipline records: same keys as messages.vi.ts (fetched when English is shown: messages.ts). */
export const disciplineEn: typeof disciplineVi = {
  title: 'Discipline',
  none: 'No discipline decisions.',
  listLabel: 'Discipline decisions, newest first',
  body: {
    cell: 'The cell',
    party_committee: 'Party committee',
    inspection_committee: 'Inspection committee',
  },
  decidedBy: 'Decided by',
  decisionNo: 'Decision number',
  decidedOn: 'Decision date',
  effectiveOn: 'Effective from',
  reason: 'Reason',
  statusThen: 'When decided',
  probationaryThen: 'Probationary member',
  source: 'Case',
  sourceLink: 'Open the case',
  record: 'Record a discipline decision',
  form: {
    title: 'Record a discipline decision — {{name}}',
    intro: 'Only the forms the chosen body may give this member under the rules in effect are offered.',
    decidingBody: 'Deciding body',
    formCode: 'Discipline form',
    unconfirmed: 'The rule for this form has not been checked against the official text.',
    decisionNo: 'Decision number',
    decisionNoHint: 'For example 12-QĐ/UBKT (optional).',
    decidedOn: 'Decision date',
    effectiveOn: 'Effective from',
    reason: 'Reason',
    reasonHint: 'The violation, as the decision states it.',
    submit: 'Record the decision',
    done: 'The discipline decision is recorded.',
  },
};

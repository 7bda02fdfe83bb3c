// Inspection and supervision (kiểm tra, giám sát): the API contract's types (type-only imports of
// the server's zod schemas: no zod in the browser), query keys and the queries the screens share.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  ConclusionBody,
  CreateInspectionBody,
  CreateProgrammeBody,
  EvidenceView,
  InspectionDetail,
  InspectionListResponse,
  InspectionOverview,
  InspectionSummary,
  ProgrammeDetail,
  ProgrammeItem,
  ProgrammeItemInput,
  ProgrammeListResponse,
  ProgrammeSummary,
  RecommendationView,
  RecordStepBody,
  StepView,
  SubjectRecordsResponse,
} from '../../../features/inspections/schemas.js';
import type { InspectionKindRuleView } from '../../../features/inspection-rules/schemas.js';
import type { EvidenceRecordType, InspectionBody, InspectionFamily, InspectionStatus, InspectionVerdict } from '../../../shared/enums.js';

export type {
  ConclusionBody,
  CreateInspectionBody,
  CreateProgrammeBody,
  EvidenceRecordType,
  EvidenceView,
  InspectionBody,
  InspectionDetail,
  InspectionFamily,
  InspectionListResponse,
  InspectionOverview,
  InspectionStatus,
  InspectionSummary,
  InspectionVerdict,
  ProgrammeDetail,
  ProgrammeItem,
  ProgrammeItemInput,
  ProgrammeListResponse,
  ProgrammeSummary,
  RecommendationView,
  RecordStepBody,
  StepView,
  SubjectRecordsResponse,
};
export type SubjectRecord = SubjectRecordsResponse['items'][number];
/** A kind of work with its steps and limits (the inspection rules, reference data: ../inspection-rules/api.ts). */
export type KindRule = InspectionKindRuleView;
export type OverdueRecommendation = InspectionOverview['overdueRecommendations'][number];
export type MyInspections = { items: InspectionSummary[] };

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export {
  evidenceRecordTypes as EVIDENCE_RECORD_TYPES,
  inspectionBodies as INSPECTION_BODIES,
  inspectionVerdicts as INSPECTION_VERDICTS,
  programmeItemStates as PROGRAMME_ITEM_STATES,
} from '../../../shared/enums.js';

/** The roles whose inspection work a unit's page shows (the widest unit first: leadUnitId). */
export const INSPECTION_LEADERS = ['inspection', 'party_committee', 'cell_secretary', 'cell_committee'] as const;

/**
 * Query keys, all under ['inspections']. After any change the whole root is stale (the overview,
 * the programme, the case and "what is waiting for me"), and so are the tasks: recommendations
 * to a cell become tasks on its board.
 */
export const inspectionKeys = {
  all: queryRoots.inspections,
  overview: (unitId: string, year: number) => [...queryRoots.inspections, 'overview', unitId, year] as const,
  programmes: (unitId: string, year: number) => [...queryRoots.inspections, 'programmes', unitId, year] as const,
  programme: (id: string) => [...queryRoots.inspections, 'programme', id] as const,
  list: (unitId: string, year: number) => [...queryRoots.inspections, 'list', unitId, year] as const,
  detail: (id: string) => [...queryRoots.inspections, 'detail', id] as const,
  records: (id: string) => [...queryRoots.inspections, 'records', id] as const,
  mine: [...queryRoots.inspections, 'mine'] as const,
};

/** The case's API path. */
export const inspectionPath = (id: string, rest = '') => `/inspections/${encodeURIComponent(id)}${rest}`;
export const programmePath = (id: string, rest = '') => `/inspection-programmes/${encodeURIComponent(id)}${rest}`;
/** Where the browser downloads a case's Word document (decision, plan, conclusion). */
export const documentUrl = (id: string, kind: 'decision' | 'plan' | 'conclusion') => `/api${inspectionPath(id, `/documents/${kind}.docx`)}`;
export const attachmentUrl = (id: string, attachmentId: string) => `/api${inspectionPath(id, `/attachments/${encodeURIComponent(attachmentId)}`)}`;
export const programmeDocumentUrl = (id: string) => `/api${programmePath(id, '/document.docx')}`;

/** A unit's list of one year (the overview, the programmes, the cases): the year shown keeps its data while the next loads. */
function useUnitYear<T>(key: readonly unknown[], path: string, unitId: string, year: number) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<T>(path, { signal, query: { unitId, year } }),
    placeholderData: keepPreviousData,
  });
}

export const useOverview = (unitId: string, year: number) => useUnitYear<InspectionOverview>(inspectionKeys.overview(unitId, year), '/inspections/overview', unitId, year);
export const useProgrammes = (unitId: string, year: number) => useUnitYear<ProgrammeListResponse>(inspectionKeys.programmes(unitId, year), '/inspection-programmes', unitId, year);
export const useInspections = (unitId: string, year: number) => useUnitYear<InspectionListResponse>(inspectionKeys.list(unitId, year), '/inspections', unitId, year);

export function useProgramme(id: string) {
  return useQuery({ queryKey: inspectionKeys.programme(id), queryFn: ({ signal }) => api<ProgrammeDetail>(programmePath(id), { signal }) });
}

export function useInspection(id: string) {
  return useQuery({ queryKey: inspectionKeys.detail(id), queryFn: ({ signal }) => api<InspectionDetail>(inspectionPath(id), { signal }) });
}

export function useSubjectRecords(id: string, enabled: boolean) {
  return useQuery({
    queryKey: inspectionKeys.records(id),
    queryFn: ({ signal }) => api<SubjectRecordsResponse>(inspectionPath(id, '/subject-records'), { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useMyInspections(enabled = true) {
  return useQuery({ queryKey: inspectionKeys.mine, queryFn: ({ signal }) => api<MyInspections>('/me/inspections', { signal }), enabled });
}

/** After a change: the answer is the case (or programme) as it now stands; everything else of the area, and the task boards, are stale. */
export function useInspectionChanged() {
  const queryClient = useQueryClient();
  return (detail?: InspectionDetail) => {
    if (detail) queryClient.setQueryData(inspectionKeys.detail(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.all, predicate: (q) => !(detail && q.queryKey[1] === 'detail' && q.queryKey[2] === detail.id) });
    void queryClient.invalidateQueries({ queryKey: queryRoots.tasks });
    void queryClient.invalidateQueries({ queryKey: queryRoots.selfExam });
  };
}

/**
 * The Vietnamese text of the demo's present year (story/present.json): what the cells hear, say
 * and write at their meetings, in their self-examinations and feedback, and the commune's
 * directives. No dates or years in the text itself: `{thang}`, `{nam}`, `{quy}`, `{thon}`,
 * `{where}` are filled in by the builders.
 */
import type { CauseKind, CommitmentResult, FeedbackTopic } from '../shared/enums.js';
import { readStory } from './story.js';

export interface PresentShortcoming {
  text: string;
  causeKind: CauseKind;
  cause: string;
  action: string;
  criteria: string;
}

export interface PresentFeedbackText {
  topic: FeedbackTopic;
  text: string;
  /** What the receiver answers when accepting: the plan item's action and criteria. */
  action: string;
  criteria: string;
  explain: string;
}

/** A quarter's thematic meeting (sinh hoạt chuyên đề) and the task it decides. */
export interface PresentThematicTopic {
  topic: string;
  task: string;
  deliverable: string;
  /** Only village cells hold it (it concerns the residents). */
  villageOnly?: boolean;
}

/** A job a cell makes of a directive: its title and what counts as done; `lead` is the secretary's own. */
export interface PresentJob {
  t: string;
  d: string;
  lead?: boolean;
}

/** A job a village cell hands down to one of its mass organisations (by the unit key's suffix). */
export interface PresentHandDown extends PresentJob {
  org: 'nong-dan' | 'phu-nu' | 'cuu-chien-binh' | 'thanh-nien' | 'mat-tran';
}

/** A directive (văn bản chỉ đạo) the commune committee issues in a quarter of every year. */
export interface PresentDirective {
  key: string;
  /** The quarter (1–4) it is issued in, and the day of the quarter's first month… */
  quarter?: number;
  day?: number;
  /** …or, for the one the cells are still acknowledging, how many days before the demo's day. */
  daysAgo?: number;
  /** Days from issue to its deadline. */
  days: number;
  title: string;
  body: string;
  village: PresentJob[];
  /** Office, school, police… cells; the village jobs when absent. */
  office?: PresentJob[];
  handDown?: PresentHandDown[];
}

interface PresentStory {
  /** "Thông tin thời sự, văn bản cấp trên": what the commune passes down, any month. */
  news: string[];
  newsClosings: string[];
  /** The review of last month's resolution, after the figures. */
  reviewClosings: string[];
  taskNotes: string[];
  /** An ordinary self-criticism item: one member criticises another about an aspect. */
  criticismAspects: string[];
  /** Notes on the progress of a qualitative commitment. */
  commitmentNotes: string[];
  /** A cell's own present-year targets (duties), with how each is measured. */
  cellTargets: Record<'attendance' | 'tasksOnTime', { title: string; unit: string; evidence: string }>;
  /** Shortcomings members name in their quarter's self-examination, each with a correction. */
  shortcomings: PresentShortcoming[];
  strengths: string[];
  reviewComments: string[];
  planNotes: string[];
  claims: string[];
  fixed: string[];
  returned: string;
  followupResult: Record<'fixed' | 'other', string>;
  /** Feedback between members, in a meeting or outside it. */
  feedback: PresentFeedbackText[];
  /** Upward feedback to the cell committee about how the cell is led. */
  upward: { text: string; answer: string }[];
  /** The quarter's thematic meetings. */
  thematicTopics: PresentThematicTopic[];
  thematicOpenings: string[];
  thematicConclusions: string[];
  /** The commune's directives, one a quarter, and how cells acknowledge them. */
  directives: PresentDirective[];
  acknowledgementNotes: (string | null)[];
  /** What the year-end review writes beside a past year's commitment lines. */
  commitmentEvaluation: {
    earlyReason: string;
    qualitative: Record<CommitmentResult, string[]>;
    measurable: Record<CommitmentResult, string>;
  };
}

const story = readStory<PresentStory>('present');

export const PRESENT_NEWS: readonly string[] = story.news;
export const PRESENT_NEWS_CLOSINGS: readonly string[] = story.newsClosings;
export const PRESENT_REVIEW_CLOSINGS: readonly string[] = story.reviewClosings;
export const PRESENT_TASK_NOTES: readonly string[] = story.taskNotes;
export const PRESENT_CRITICISM_ASPECTS: readonly string[] = story.criticismAspects;
export const COMMITMENT_NOTES: readonly string[] = story.commitmentNotes;
export const CELL_TARGETS = story.cellTargets;
export const PRESENT_SHORTCOMINGS: readonly PresentShortcoming[] = story.shortcomings;
export const PRESENT_STRENGTHS: readonly string[] = story.strengths;
export const PRESENT_REVIEW_COMMENTS: readonly string[] = story.reviewComments;
export const PRESENT_PLAN_NOTES: readonly string[] = story.planNotes;
export const PRESENT_CLAIMS: readonly string[] = story.claims;
export const PRESENT_FIXED: readonly string[] = story.fixed;
export const PRESENT_RETURNED: string = story.returned;
export const PRESENT_FOLLOWUP_RESULT: Readonly<Record<'fixed' | 'other', string>> = story.followupResult;
export const PRESENT_FEEDBACK: readonly PresentFeedbackText[] = story.feedback;
export const PRESENT_UPWARD: readonly { text: string; answer: string }[] = story.upward;
export const PRESENT_THEMATIC_TOPICS: readonly PresentThematicTopic[] = story.thematicTopics;
export const PRESENT_THEMATIC_OPENINGS: readonly string[] = story.thematicOpenings;
export const PRESENT_THEMATIC_CONCLUSIONS: readonly string[] = story.thematicConclusions;
export const PRESENT_DIRECTIVES: readonly PresentDirective[] = story.directives;
export const ACKNOWLEDGEMENT_NOTES: readonly (string | null)[] = story.acknowledgementNotes;
export const COMMITMENT_EVALUATION = story.commitmentEvaluation;

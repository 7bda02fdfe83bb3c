/**
 * The demo commune's outstanding local issues and citizens' messages, after the article: service
 * land for households at Trại Khóng and Lồng Chấy (resolved, with the people's confirmations),
 * illegal construction left from before 2014 (in progress), and sanitation and security items.
 * Which village each place lies in, the households, people and dates are generated for the demo.
 * The words are in story/local-issues.json and story/local-issues-messages.json; this module
 * only dates them. Pure: the seed assigns ids and writes the rows.
 */
import type { CitizenFeedbackStatus, ConfirmationDecision, LocalIssueStatus } from '../shared/enums.js';
import type { DemoTaskProgress } from './meetings.js';
import { addDays } from '../domain/tasks.js';
import { readStory } from './story.js';

export interface DemoIssueStep {
  on: string;
  to: LocalIssueStatus;
  note?: string;
}

export interface DemoLocalIssue {
  key: string;
  categoryCode: string;
  title: string;
  description: string;
  /** A village cell's key (see demo-data.ts). */
  villageKey: string | null;
  areaName: string | null;
  point: [number, number] | null;
  sinceYear: number | null;
  sinceBefore: boolean;
  households: number | null;
  responsibleUnitKey: string | null;
  deadline: string | null;
  createdOn: string;
  public: boolean;
  /** Status changes after "new", oldest first. A "resolved" step's note is the resolution summary. */
  steps: DemoIssueStep[];
  /** The village cell's word on the last resolution. */
  cellDecision?: { on: string; decision: ConfirmationDecision; comment?: string };
  /** The actions, as tasks the committee gave the responsible unit (owned by that unit). */
  tasks?: DemoIssueTask[];
}

/** Một việc giải quyết vấn đề — a task given on an issue, with its reports and (if finished) its close. */
export interface DemoIssueTask {
  title: string;
  deliverable: string;
  givenOn: string;
  deadline: string;
  progress: DemoTaskProgress[];
  /** Finished and accepted on this date; absent while still open. */
  doneOn?: string;
  closeComment?: string;
}

export interface DemoCitizenMessage {
  key: string;
  villageKey: string;
  name: string;
  phone: string | null;
  email: string | null;
  consent: boolean;
  topic: string;
  content: string;
  sentOn: string;
  status: CitizenFeedbackStatus;
  issueKey?: string;
  routedUnitKey?: string;
  answer?: { on: string; text: string };
  closeReason?: string;
  /** The citizen's word on the resolution of the linked issue. */
  decision?: { on: string; decision: ConfirmationDecision; comment?: string };
}

/**
 * A day of the story as the JSON gives it: a fixed date ("2022-11-25") for the article's
 * 2022–2023 story, or counted from the day the demo is loaded, so the board is alive whenever it
 * is opened.
 */
type StoryDay = string | { daysAgo: number } | { daysAhead: number };
/** A year as the JSON gives it: fixed, or counted back from the year the demo is loaded in. */
type StoryYear = number | { yearsAgo: number };

/** An entry the story dates; a text beside the date may say `{nam}` / `{namSau}` for its year and the next. */
interface StoryDated {
  on: StoryDay;
}

/** One issue in local-issues.json: a DemoLocalIssue whose dates may be counted from today. */
interface IssueStory extends Omit<DemoLocalIssue, 'sinceYear' | 'deadline' | 'createdOn' | 'steps' | 'cellDecision' | 'tasks'> {
  sinceYear: StoryYear | null;
  deadline: StoryDay | null;
  createdOn: StoryDay;
  steps: (Omit<DemoIssueStep, 'on'> & StoryDated)[];
  cellDecision?: Omit<NonNullable<DemoLocalIssue['cellDecision']>, 'on'> & StoryDated;
  tasks?: IssueTaskStory[];
}

interface IssueTaskStory extends Omit<DemoIssueTask, 'givenOn' | 'deadline' | 'progress' | 'doneOn'> {
  givenOn: StoryDay;
  deadline: StoryDay;
  progress: (Omit<DemoTaskProgress, 'on'> & StoryDated)[];
  doneOn?: StoryDay;
}

/** One message in local-issues-messages.json: a DemoCitizenMessage whose dates may be counted from today. */
interface CitizenMessageStory extends Omit<DemoCitizenMessage, 'sentOn' | 'answer' | 'decision'> {
  sentOn: StoryDay;
  answer?: { on: StoryDay; text: string };
  decision?: Omit<NonNullable<DemoCitizenMessage['decision']>, 'on'> & StoryDated;
}

// Each builder below spreads the JSON entry first, so the result keeps the file's key order, then
// sets its dates in place; `undated` only tells the compiler those keys are about to be replaced.

/** The story's days and years as seen from `today`, the day the demo is loaded. */
interface StoryCalendar {
  day(d: StoryDay): string;
  year(y: StoryYear): number;
  /** Fills `{nam}` / `{namSau}` in a text dated `on` with that year and the next. */
  withYear(text: string, on: string): string;
}

function calendarFrom(today: string): StoryCalendar {
  const thisYear = Number(today.slice(0, 4));
  return {
    day: (d) => (typeof d === 'string' ? d : 'daysAgo' in d ? addDays(today, -d.daysAgo) : addDays(today, d.daysAhead)),
    year: (y) => (typeof y === 'number' ? y : thisYear - y.yearsAgo),
    withYear: (text, on) => text.replaceAll('{nam}', on.slice(0, 4)).replaceAll('{namSau}', String(Number(on.slice(0, 4)) + 1)),
  };
}

/** A status change, dated; its note may name the year it was written in. */
function issueStep(s: IssueStory['steps'][number], cal: StoryCalendar): DemoIssueStep {
  const on = cal.day(s.on);
  return { ...s, on, ...(s.note !== undefined && { note: cal.withYear(s.note, on) }) };
}

/** Một việc giải quyết vấn đề, dated: given, due, reported on and (if finished) done. */
function issueTask(t: IssueTaskStory, cal: StoryCalendar): DemoIssueTask {
  const undated: Omit<IssueTaskStory, 'doneOn'> = t;
  return {
    ...undated,
    givenOn: cal.day(t.givenOn),
    deadline: cal.day(t.deadline),
    progress: t.progress.map((p) => ({ ...p, on: cal.day(p.on) })),
    ...(t.doneOn !== undefined && { doneOn: cal.day(t.doneOn) }),
  };
}

function localIssue(s: IssueStory, cal: StoryCalendar): DemoLocalIssue {
  const undated: Omit<IssueStory, 'cellDecision' | 'tasks'> = s;
  return {
    ...undated,
    sinceYear: s.sinceYear === null ? null : cal.year(s.sinceYear),
    deadline: s.deadline === null ? null : cal.day(s.deadline),
    createdOn: cal.day(s.createdOn),
    steps: s.steps.map((step) => issueStep(step, cal)),
    ...(s.cellDecision && { cellDecision: { ...s.cellDecision, on: cal.day(s.cellDecision.on) } }),
    ...(s.tasks && { tasks: s.tasks.map((t) => issueTask(t, cal)) }),
  };
}

function citizenMessage(s: CitizenMessageStory, cal: StoryCalendar): DemoCitizenMessage {
  const answerOn = s.answer && cal.day(s.answer.on);
  const undated: Omit<CitizenMessageStory, 'answer' | 'decision'> = s;
  return {
    ...undated,
    sentOn: cal.day(s.sentOn),
    ...(s.answer && answerOn && { answer: { on: answerOn, text: cal.withYear(s.answer.text, answerOn) } }),
    ...(s.decision && { decision: { ...s.decision, on: cal.day(s.decision.on) } }),
  };
}

/**
 * The issues as of `today` (the day the demo is loaded): those of the article's story keep their
 * 2022–2023 dates; the recent ones, and the open actions of an issue still being worked on, are
 * dated back (and forward) from today, so the board is alive whenever it is opened.
 */
export function demoLocalIssues(today: string): DemoLocalIssue[] {
  const cal = calendarFrom(today);
  return readStory<IssueStory[]>('local-issues').map((s) => localIssue(s, cal));
}

/** The people's messages as of `today`: the story's in 2022–2023, the others in the months before today. */
export function demoCitizenMessages(today: string): DemoCitizenMessage[] {
  const cal = calendarFrom(today);
  return readStory<CitizenMessageStory[]>('local-issues-messages').map((s) => citizenMessage(s, cal));
}

import './styles.js';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Burger, Button, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { meKey } from '../api/session.js';
import type { MeResponse } from '../api/types.js';
import { MeContext, can, hasWideScope, leadUnitId } from './me.js';
import { loadHomePage } from './lazy.js';
import { BrandMark } from '../components/BrandMark.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { FullPageLoader } from '../components/FullPageLoader.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { ErrorState } from '../components/ErrorState.js';
import { NotFound } from '../components/NotFound.js';
import {
  AccountsIcon,
  CalendarIcon,
  ChecklistIcon,
  ClockIcon,
  ClipboardListIcon,
  DocumentIcon,
  HomeIcon,
  KeyIcon,
  LogoutIcon,
  MapPinIcon,
  ShieldCheckIcon,
  TargetIcon,
  TaskIcon,
  TreeIcon,
  UserCheckIcon,
  UserIcon,
  UsersIcon,
} from '../components/icons.js';
import { initials } from '../lib/format.js';
import { Notice } from '../components/Notice.js';
import { usePhone } from '../lib/usePhone.js';
import { withWords } from '../i18n/lazyMessages.js';

const HomePage = lazy(loadHomePage);
// Modals pull in focus trapping and scroll locking: loaded when first opened.
const ChangePasswordModal = lazy(() =>
  withWords(import('../components/ChangePasswordModal.js')).then((m) => ({ default: m.ChangePasswordModal })),
);
const UnitTreePage = lazy(() => withWords(import('../features/units/UnitTreePage.js')));
const UnitPage = lazy(() => withWords(import('../features/units/UnitPage.js')));
const MemberPage = lazy(() => withWords(import('../features/members/MemberPage.js')));
const AccountsPage = lazy(() => withWords(import('../features/accounts/AccountsPage.js')));
const MeetingPage = lazy(() => withWords(import('../features/meetings/MeetingPage.js')));
const MeetingsPage = lazy(() => withWords(import('../features/meetings/MeetingsPage.js')));
const NewMeetingPage = lazy(() => withWords(import('../features/meetings/NewMeetingPage.js')));
const RubricsPage = lazy(() => withWords(import('../features/meetings/rubrics/RubricsPage.js')));
const TaskPage = lazy(() => withWords(import('../features/tasks/TaskPage.js')));
const NewTaskPage = lazy(() => withWords(import('../features/tasks/NewTaskPage.js')));
const WorkBoardPage = lazy(() => withWords(import('../features/tasks/WorkBoardPage.js')));
const CommitmentsPage = lazy(() => withWords(import('../features/commitments/CommitmentsPage.js')));
const DirectivesPage = lazy(() => withWords(import('../features/directives/DirectivesPage.js')));
const DirectivePage = lazy(() => withWords(import('../features/directives/DirectivePage.js')));
const MySelfExamPage = lazy(() => withWords(import('../features/self-examinations/MySelfExamPage.js')));
const SelfExamPage = lazy(() => withWords(import('../features/self-examinations/SelfExamPage.js')));
const PlanPage = lazy(() => withWords(import('../features/correction-plans/PlanPage.js')));
const NewFeedbackPage = lazy(() => withWords(import('../features/feedback/NewFeedbackPage.js')));
const FeedbackPage = lazy(() => withWords(import('../features/feedback/FeedbackPage.js')));
const SelfExamBoardPage = lazy(() => withWords(import('../features/self-examinations/SelfExamBoardPage.js')));
const ChecklistPage = lazy(() => withWords(import('../features/checklist/ChecklistPage.js')));
const InspectionRulesPage = lazy(() => withWords(import('../features/inspection-rules/InspectionRulesPage.js')));
const RatingRulesPage = lazy(() => withWords(import('../features/rating-rules/RatingRulesPage.js')));
const IssueBoardPage = lazy(() => withWords(import('../features/local-issues/IssueBoardPage.js')));
const IssuePage = lazy(() => withWords(import('../features/local-issues/IssuePage.js')));
const FeedbackInboxPage = lazy(() => withWords(import('../features/citizen-feedback/FeedbackInboxPage.js')));
const CitizenFeedbackPage = lazy(() => withWords(import('../features/citizen-feedback/CitizenFeedbackPage.js')));
const InspectionsPage = lazy(() => withWords(import('../features/inspections/InspectionsPage.js')));
const NewInspectionPage = lazy(() => withWords(import('../features/inspections/NewInspectionPage.js')));
const InspectionPage = lazy(() => withWords(import('../features/inspections/InspectionPage.js')));
const ProgrammePage = lazy(() => withWords(import('../features/inspections/ProgrammePage.js')));
const MyReviewsPage = lazy(() => withWords(import('../features/reviews/MyReviewsPage.js')));
const ReviewPage = lazy(() => withWords(import('../features/reviews/ReviewPage.js')));
const CellReviewBoardPage = lazy(() => withWords(import('../features/reviews/CellBoardPage.js')));
const RatingsPage = lazy(() => withWords(import('../features/reviews/RatingsPage.js')));
const ReviewMeetingPage = lazy(() => withWords(import('../features/review-meetings/ReviewMeetingPage.js')));
const LinkReviewMeetingPage = lazy(() => withWords(import('../features/review-meetings/LinkMeetingPage.js')));
const OverviewPage = lazy(() => withWords(import('../features/overview/OverviewPage.js')));
const BallotPage = lazy(() => withWords(import('../features/review-meetings/BallotPage.js')));

/**
 * Everything behind sign-in: router, app shell, routes (each page its own chunk).
 *
 * The shell (fixed header, side bar / phone drop-down, main) is a few lines of CSS in
 * styles/pages.css rather than Mantine's AppShell: AppShell (v9, with resizable sections and
 * scroll locking) weighs ~11 KB gzipped, which alone would put an ordinary member's first screen
 * over its 150 KB budget.
 */
export default function AuthedApp({ me }: { me: MeResponse }) {
  return (
    <MeContext.Provider value={me}>
      <BrowserRouter>
        <Shell me={me} />
      </BrowserRouter>
    </MeContext.Provider>
  );
}

function Shell({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const location = useLocation();
  const phone = usePhone();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(me.account.mustChangePassword);
  const queryClient = useQueryClient();
  // Best effort: the device already switched; the account remembers it too.
  const saveLocale = useMutation({
    mutationFn: (locale: 'vi' | 'en') => api<MeResponse>('/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (next) => queryClient.setQueryData(meKey, next),
  });

  // Escape closes the phone menu.
  useEffect(() => {
    if (!navOpened) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && nav.close();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navOpened]);

  // A new page: close the phone menu and start at the top.
  useEffect(() => {
    nav.close();
    window.scrollTo(0, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
    <div className="ts-shell" data-nav-open={navOpened || undefined}>
      <header className="ts-header">
        <a className="ts-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={navOpened}
              aria-controls="ts-nav"
            />
            <Link to="/" className="ts-brand">
              <BrandMark size={30} />
              <span>{t('app.name')}</span>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch onChosen={(locale) => saveLocale.mutate(locale)} />
            <AccountMenu me={me} onChangePassword={password.open} />
          </Group>
        </Group>
      </header>

      {/* A side bar on wide screens; on phones a panel under the header, opened by the burger
          (hidden, so out of the tab order, while closed). */}
      <nav id="ts-nav" className="ts-nav" aria-label={t('nav.label')} hidden={phone && !navOpened}>
        <Navigation me={me} />
      </nav>
      {phone && navOpened && <div className="ts-backdrop" aria-hidden="true" onClick={nav.close} />}

      <main id="main" tabIndex={-1} className="ts-main">
        {me.account.mustChangePassword && (
          <Notice tone="warning" className="ts-mb">
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('account.mustChange')}</Text>
              <Button size="xs" variant="outline" onClick={password.open}>
                {t('account.changePassword')}
              </Button>
            </Group>
          </Notice>
        )}
        <ErrorBoundary
          key={location.pathname}
          fallback={() => <ErrorState error={null} onRetry={() => window.location.reload()} />}
        >
          <Suspense fallback={<FullPageLoader />}>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/tong-quan" element={<OverviewPage />} />
              <Route path="/units/:id/tong-quan" element={<OverviewPage />} />
              <Route path="/units" element={<UnitTreePage />} />
              <Route path="/units/:id" element={<UnitPage />} />
              <Route path="/members/:id" element={<MemberPage />} />
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/units/:id/meetings" element={<MeetingsPage />} />
              <Route path="/units/:id/meetings/new" element={<NewMeetingPage />} />
              <Route path="/meetings/:id" element={<MeetingPage />} />
              <Route path="/meeting-rubrics" element={<RubricsPage />} />
              <Route path="/tasks/:id" element={<TaskPage />} />
              <Route path="/units/:id/tasks/new" element={<NewTaskPage />} />
              <Route path="/units/:id/work" element={<WorkBoardPage />} />
              <Route path="/units/:id/commitments" element={<CommitmentsPage />} />
              <Route path="/units/:id/directives" element={<DirectivesPage />} />
              <Route path="/directives/:id" element={<DirectivePage />} />
              <Route path="/tu-soi" element={<MySelfExamPage />} />
              <Route path="/self-examinations/:id" element={<SelfExamPage />} />
              <Route path="/correction-plans/:id" element={<PlanPage />} />
              <Route path="/feedback/new" element={<NewFeedbackPage />} />
              <Route path="/feedback/:id" element={<FeedbackPage />} />
              <Route path="/units/:id/tu-soi" element={<SelfExamBoardPage />} />
              <Route path="/reference/manifestations" element={<ChecklistPage />} />
              <Route path="/reference/inspection-rules" element={<InspectionRulesPage />} />
              <Route path="/reference/rating-rules" element={<RatingRulesPage />} />
              <Route path="/local-issues" element={<IssueBoardPage />} />
              <Route path="/local-issues/:id" element={<IssuePage />} />
              <Route path="/citizen-feedback" element={<FeedbackInboxPage />} />
              <Route path="/citizen-feedback/:id" element={<CitizenFeedbackPage />} />
              <Route path="/inspections" element={<InspectionsPage />} />
              <Route path="/inspections/new" element={<NewInspectionPage />} />
              <Route path="/inspections/:id" element={<InspectionPage />} />
              <Route path="/inspection-programmes/:id" element={<ProgrammePage />} />
              <Route path="/kiem-diem" element={<MyReviewsPage />} />
              <Route path="/reviews/:id" element={<ReviewPage />} />
              <Route path="/units/:id/kiem-diem" element={<CellReviewBoardPage />} />
              <Route path="/ratings" element={<RatingsPage />} />
              <Route path="/review-meetings/new" element={<LinkReviewMeetingPage />} />
              <Route path="/review-meetings/:id" element={<ReviewMeetingPage />} />
              <Route path="/review-meetings/:id/ballot" element={<BallotPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </main>

      {passwordOpened && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={password.close} required={me.account.mustChangePassword} />
        </Suspense>
      )}
    </div>
  );
}

function NavItem({
  to,
  label,
  icon,
  exact = false,
  active: activeOverride,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  exact?: boolean;
  active?: boolean;
}) {
  const { pathname } = useLocation();
  const active = activeOverride ?? (exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`));
  return (
    <Link to={to} className="ts-navlink" aria-current={active ? 'page' : undefined}>
      {icon}
      <span>{label}</span>
    </Link>
  );
}

/** Who works with the inspection rules (QĐ 296) day to day: the committee and its UBKT keep them, the office reads them. */
const RULE_KEEPERS: readonly string[] = ['party_committee', 'inspection', 'office'];

/** Navigation follows what the caller is and may do. */
function Navigation({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const wide = hasWideScope(me);
  // Units a cell-level role looks after other than the member's own cell (e.g. a secretary
  // who is not a member of that cell's roll).
  const ownUnitId = me.member?.unitId;
  const otherUnits = wide
    ? []
    : me.roles
        .filter((r) => r.role !== 'member' && r.unitId !== ownUnitId)
        .filter((r, i, all) => all.findIndex((x) => x.unitId === r.unitId) === i);
  // The work of a cell or the commune: where the caller leads (a member's own cell for their pledges).
  const leaders = ['party_committee', 'inspection', 'cell_secretary', 'cell_committee'];
  const workUnit = leadUnitId(me, leaders);
  const commitmentUnit = workUnit ?? me.member?.unitId ?? null;
  // Sinh hoạt chi bộ: the caller's own cell, else the unit they lead.
  const meetingUnit = can(me, 'meeting.read') ? (me.member?.unitId ?? workUnit) : null;
  // Kiểm điểm, xếp loại (QĐ 366): the cell's committee runs its cell's review; the committee and the UBKT see the whole board.
  const reviewCell = can(me, 'review.cell') ? leadUnitId(me, ['cell_secretary', 'cell_committee']) : null;
  const ratingsBoard = me.roles.some((r) => r.role === 'party_committee' || r.role === 'inspection');
  return (
    <>
      <NavItem to="/" exact label={t('nav.home')} icon={<HomeIcon />} />
      {can(me, 'overview.read') && <NavItem to="/tong-quan" label={t('nav.overview')} icon={<ClipboardListIcon />} active={pathname === '/tong-quan' || pathname.endsWith('/tong-quan')} />}
      {me.member && <NavItem to={`/members/${me.member.id}`} label={t('nav.myPage')} icon={<UserIcon />} />}
      {me.member && <NavItem to="/tu-soi" label={t('nav.selfExam')} icon={<UserCheckIcon />} />}
      {me.member && <NavItem to="/kiem-diem" label={t('nav.myReview')} icon={<ClipboardListIcon />} active={pathname === '/kiem-diem' || pathname.startsWith('/reviews/')} />}
      {me.member && <NavItem to={`/units/${me.member.unitId}`} exact label={t('nav.myCell')} icon={<UsersIcon />} />}
      {meetingUnit && <NavItem to={`/units/${meetingUnit}/meetings`} exact label={t('nav.meetings')} icon={<CalendarIcon />} />}
      {wide && (
        <NavItem
          to="/units"
          label={t('nav.units')}
          icon={<TreeIcon />}
          // Any unit page except one that has its own entry above, and the work, directive
          // and commitment pages that have theirs below.
          active={
            pathname === '/units' ||
            (pathname.startsWith('/units/') &&
              !/\/(work|directives|commitments|tu-soi|kiem-diem|tong-quan|meetings|tasks\/new)$/.test(pathname) &&
              pathname !== `/units/${ownUnitId}` &&
              !otherUnits.some((r) => pathname === `/units/${r.unitId}`))
          }
        />
      )}
      {otherUnits.map((r) => (
        <NavItem key={r.unitId} to={`/units/${r.unitId}`} exact label={r.unitName} icon={<UsersIcon />} />
      ))}
      {workUnit && can(me, 'work.report') && <NavItem to={`/units/${workUnit}/work`} label={t('nav.work')} icon={<TaskIcon />} />}
      {workUnit && can(me, 'directive.read') && (
        <NavItem to={`/units/${workUnit}/directives`} label={t('nav.directives')} icon={<DocumentIcon />} />
      )}
      {workUnit && can(me, 'selfexam.read') && (
        <NavItem to={`/units/${workUnit}/tu-soi`} label={t(wide ? 'nav.selfExamBoardWide' : 'nav.selfExamBoard')} icon={<ClipboardListIcon />} />
      )}
      {reviewCell && <NavItem to={`/units/${reviewCell}/kiem-diem`} label={t('nav.reviewBoard')} icon={<ClipboardListIcon />} />}
      {ratingsBoard && <NavItem to="/ratings" label={t('nav.ratings')} icon={<ClipboardListIcon />} />}
      {commitmentUnit && (
        <NavItem to={`/units/${commitmentUnit}/commitments`} label={t('nav.commitments')} icon={<TargetIcon />} />
      )}
      {can(me, 'local_issue.read') && <NavItem to="/local-issues" label={t('nav.localIssues')} icon={<MapPinIcon />} />}
      {workUnit && can(me, 'citizen_feedback.read') && (
        <NavItem to="/citizen-feedback" label={t('nav.citizenFeedback')} icon={<UsersIcon />} />
      )}
      {me.roles.some((r) => r.role === 'inspection' || r.role === 'party_committee') && (
        <NavItem to="/inspections" label={t('nav.inspections')} icon={<ShieldCheckIcon />} active={pathname.startsWith('/inspection')} />
      )}
      {can(me, 'account.manage') && <NavItem to="/accounts" label={t('nav.accounts')} icon={<AccountsIcon />} />}
      {can(me, 'rubric.manage') && <NavItem to="/meeting-rubrics" label={t('nav.rubrics')} icon={<ChecklistIcon />} />}
      {me.roles.some((r) => RULE_KEEPERS.includes(r.role)) && (
        <NavItem to="/reference/inspection-rules" label={t('nav.inspectionRules')} icon={<ClockIcon />} />
      )}
      {me.roles.some((r) => RULE_KEEPERS.includes(r.role)) && <NavItem to="/reference/rating-rules" label={t('nav.ratingRules')} icon={<ClipboardListIcon />} />}
    </>
  );
}

/**
 * Account button and its panel (a disclosure, not a Mantine Menu: that would pull the whole
 * floating-ui positioning engine into every member's first screen). Escape or a click elsewhere
 * closes it; focus returns to the button.
 */
function AccountMenu({ me, onChangePassword }: { me: MeResponse; onChangePassword: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const name = me.account.displayName;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const logout = useMutation({
    mutationFn: () => api<{ ok: true }>('/auth/logout', { method: 'POST' }),
    meta: { allow401: true },
    onSettled: () => {
      // Whatever the answer, forget everything on this device and show the login page.
      navigate('/', { replace: true });
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    },
  });

  return (
    <div className="ts-account-wrap" ref={wrapper}>
      <UnstyledButton
        ref={button}
        className="ts-account"
        aria-label={t('account.menu', { name })}
        aria-expanded={open}
        aria-controls="ts-account-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="ts-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <Text size="sm" fw={600} visibleFrom="md" className="ts-account-name" component="span">
          {name}
        </Text>
      </UnstyledButton>
      {open && (
        <Paper id="ts-account-panel" className="ts-account-panel" shadow="md" withBorder>
          <div className="ts-account-info">
            <Text size="xs" c="dimmed">
              {t('account.signedInAs')}
            </Text>
            <Text fw={600} size="sm">
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {me.account.username}
            </Text>
            {me.roles.map((r) => (
              <Text size="xs" key={r.id}>
                {t(`roles.${r.role}`)} · {r.unitName}
              </Text>
            ))}
          </div>
          <UnstyledButton
            className="ts-account-item"
            onClick={() => {
              setOpen(false);
              onChangePassword();
            }}
          >
            <KeyIcon size={16} />
            {t('account.changePassword')}
          </UnstyledButton>
          <UnstyledButton className="ts-account-item" disabled={logout.isPending} onClick={() => logout.mutate()}>
            <LogoutIcon size={16} />
            {t('account.logout')}
          </UnstyledButton>
        </Paper>
      )}
    </div>
  );
}

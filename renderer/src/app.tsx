// Routes of the app. Hash routing, because the app is served from files and from the host alike;
// a data router, so leaving a page with unsaved work can be held until the advocate answers.
import { PacketPrintPage } from './features/packets/packet-print-page';
import { Outlet, RouterProvider, createHashRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { Layout } from './components/layout';
import { MenuNavigation } from './components/menu-navigation';
import { WelcomePage } from './features/first-run/welcome-page';
import { LibraryLostBanner } from './features/library/library-lost-banner';
import { LibraryCheckBanner } from './features/library/library-check-banner';
import { HelpPage } from './features/help/help-page';
import { SettingsPage } from './features/settings/settings-page';
import { TemplateEditPage } from './features/letters/template-edit-page';
import { TemplatesPage } from './features/letters/templates-page';
import { EvidencePage } from './features/evidence/evidence-page';
import { CriteriaSetPage } from './features/criteria/criteria-set-page';
import { CriteriaSetsPage } from './features/criteria/criteria-sets-page';
import { DiscardPrompt } from './lib/unsaved/discard-prompt';
import { NavigationGuard } from './lib/unsaved/navigation-guard';
import { BackupsPage } from './features/backups/backups-page';
import { CaseListPage } from './features/cases/case-list-page';
import { CaseNewPage } from './features/cases/case-new-page';
import { CasePage } from './features/cases/case-page';
import { ClientListPage } from './features/clients/client-list-page';
import { ClientEditPage, ClientNewPage } from './features/clients/client-page';
import { ContactsPage } from './features/contacts/contacts-page';
import { DashboardPage } from './features/workflow/dashboard-page';
import { NotFoundPage } from './components/not-found-page';
import { ProfilePage } from './features/profile/profile-page';
import { SearchPage } from './features/search/search-page';

/** What every page sits in: the menu's navigation, the unsaved-work guard and the frame. */
function Root() {
  return (
    <>
      <MenuNavigation />
      <LibraryLostBanner />
      <LibraryCheckBanner />
      <NavigationGuard />
      <DiscardPrompt />
      <Outlet />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <CaseListPage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'cases/new', element: <CaseNewPage /> },
          { path: 'cases/:id', element: <CasePage /> },
          { path: 'cases/:id/packet', element: <PacketPrintPage /> },
          { path: 'clients', element: <ClientListPage /> },
          { path: 'clients/new', element: <ClientNewPage /> },
          { path: 'clients/:id', element: <ClientEditPage /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'evidence', element: <EvidencePage /> },
          { path: 'templates/:id', element: <TemplateEditPage /> },
          { path: 'criteria', element: <CriteriaSetsPage /> },
          { path: 'criteria/:id', element: <CriteriaSetPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'backups', element: <BackupsPage /> },
          { path: 'welcome', element: <WelcomePage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'help', element: <HelpPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

// Made once, when the app starts (api.ts has already taken the host's token out of the hash).
const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}

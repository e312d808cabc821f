// Routes of the app. Hash routing, because the app is served from files and from the host alike.
import { HashRouter, Route, Routes } from 'react-router';
import { Layout } from './components/layout';
import { MenuNavigation } from './components/menu-navigation';
import { WelcomePage } from './features/first-run/welcome-page';
import { LibraryLostBanner } from './features/library/library-lost-banner';
import { HelpPage } from './features/help/help-page';
import { SettingsPage } from './features/settings/settings-page';
import { TemplateEditPage } from './features/letters/template-edit-page';
import { TemplatesPage } from './features/letters/templates-page';
import { BackupsPage } from './pages/backups-page';
import { CaseListPage } from './pages/case-list-page';
import { CaseNewPage } from './pages/case-new-page';
import { CasePage } from './pages/case-page';
import { ClientListPage } from './pages/client-list-page';
import { ClientEditPage, ClientNewPage } from './pages/client-page';
import { ContactsPage } from './pages/contacts-page';
import { DashboardPage } from './pages/dashboard-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProfilePage } from './pages/profile-page';
import { SearchPage } from './pages/search-page';

export function App() {
  return (
    <HashRouter>
      <MenuNavigation />
      <LibraryLostBanner />
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<CaseListPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="cases/new" element={<CaseNewPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="clients" element={<ClientListPage />} />
          <Route path="clients/new" element={<ClientNewPage />} />
          <Route path="clients/:id" element={<ClientEditPage />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="templates" element={<TemplatesPage />} />
          <Route path="templates/:id" element={<TemplateEditPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="backups" element={<BackupsPage />} />
          <Route path="welcome" element={<WelcomePage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="help" element={<HelpPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}

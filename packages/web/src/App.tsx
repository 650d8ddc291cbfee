import { useEffect, useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { CALLBACK_PATH, useAuth } from './auth.js';
import { ErrorBox, Layout, Loading, PageTitle } from './components.js';
import { useI18n } from './i18n.js';
import { Admin } from './pages/Admin.js';
import { Apply } from './pages/Apply.js';
import { EventEndpoints } from './pages/EventEndpoints.js';
import { Book } from './pages/Book.js';
import { ComplaintDetail, Complaints } from './pages/Complaints.js';
import { Survey } from './pages/Survey.js';
import { Catalog } from './pages/Catalog.js';
import { Home } from './pages/Home.js';
import { Ministry } from './pages/Ministry.js';
import { Channels } from './pages/Channels.js';
import { MyApplications } from './pages/MyApplications.js';
import { MyMessages } from './pages/Messages.js';
import { NotificationSettings } from './pages/NotificationSettings.js';
import { CounterFiling, OfficerApplication, OfficerDesk, OfficerHome } from './pages/Officer.js';
import { Publisher } from './pages/Publisher.js';
import { Service } from './pages/Service.js';
import { Track } from './pages/Track.js';

// One exchange per code even when React runs effects twice (StrictMode in development).
let exchange: Promise<string> | undefined;

function Callback() {
  const { completeLogin } = useAuth();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    (exchange ??= completeLogin()).then((to) => navigate(to, { replace: true }), setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return error ? <ErrorBox error={error} /> : <Loading />;
}

function NotFound() {
  const { t } = useI18n();
  return <PageTitle>{t('notFound')}</PageTitle>;
}

export function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/" component={Home} />
        <Route path={CALLBACK_PATH} component={Callback} />
        <Route path="/t/:tenant">{(p) => <Catalog tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/layanan/:service">{(p) => <Service tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/layanan/:service/ajukan">{(p) => <Apply tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/layanan/:service/sesi">{(p) => <Book tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/permohonan">{(p) => <MyApplications tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/permohonan/:id">{(p) => <Track tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/t/:tenant/pengaduan">{(p) => <Complaints tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/pengaduan/:id">{(p) => <ComplaintDetail tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/t/:tenant/pesan">{(p) => <MyMessages tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/saluran">{(p) => <Channels tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/skm">{(p) => <Survey tenant={p.tenant} />}</Route>
        <Route path="/petugas" component={OfficerHome} />
        <Route path="/petugas/:tenant/:agency">{(p) => <OfficerDesk tenant={p.tenant} agency={p.agency} />}</Route>
        <Route path="/petugas/:tenant/:agency/loket">{(p) => <CounterFiling tenant={p.tenant} agency={p.agency} />}</Route>
        <Route path="/petugas/:tenant/:agency/permohonan/:id">{(p) => <OfficerApplication tenant={p.tenant} agency={p.agency} id={p.id} />}</Route>
        <Route path="/admin/:tenant">{(p) => <Admin tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/notifikasi">{(p) => <NotificationSettings tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/webhook">{(p) => <EventEndpoints tenant={p.tenant} />}</Route>
        <Route path="/penerbit" component={Publisher} />
        <Route path="/kementerian" component={Ministry} />
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}

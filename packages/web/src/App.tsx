import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { CALLBACK_PATH, useAuth } from './auth.js';
import { ErrorBox, Layout, Loading, PageTitle } from './components.js';
import { useI18n } from './i18n.js';

// Route-level code splitting: each page is its own chunk, loaded when its route is first shown
// (the catalog does not download the form libraries).
const Admin = lazy(() => import('./pages/Admin.js').then((m) => ({ default: m.Admin })));
const Connections = lazy(() => import('./pages/admin/Connections.js').then((m) => ({ default: m.Connections })));
const Imports = lazy(() => import('./pages/admin/Imports.js').then((m) => ({ default: m.Imports })));
const Regions = lazy(() => import('./pages/publisher/Regions.js').then((m) => ({ default: m.Regions })));
const Onboarding = lazy(() => import('./pages/admin/Onboarding.js').then((m) => ({ default: m.Onboarding })));
const Apply = lazy(() => import('./pages/Apply.js').then((m) => ({ default: m.Apply })));
const EventEndpoints = lazy(() => import('./pages/EventEndpoints.js').then((m) => ({ default: m.EventEndpoints })));
const Book = lazy(() => import('./pages/Book.js').then((m) => ({ default: m.Book })));
const ComplaintDetail = lazy(() => import('./pages/Complaints.js').then((m) => ({ default: m.ComplaintDetail })));
const Complaints = lazy(() => import('./pages/Complaints.js').then((m) => ({ default: m.Complaints })));
const Survey = lazy(() => import('./pages/Survey.js').then((m) => ({ default: m.Survey })));
const Catalog = lazy(() => import('./pages/Catalog.js').then((m) => ({ default: m.Catalog })));
const Home = lazy(() => import('./pages/Home.js').then((m) => ({ default: m.Home })));
const Ministry = lazy(() => import('./pages/Ministry.js').then((m) => ({ default: m.Ministry })));
const Profile = lazy(() => import('./pages/Profile.js').then((m) => ({ default: m.Profile })));
const Channels = lazy(() => import('./pages/Channels.js').then((m) => ({ default: m.Channels })));
const MyApplications = lazy(() => import('./pages/MyApplications.js').then((m) => ({ default: m.MyApplications })));
const MyMessages = lazy(() => import('./pages/Messages.js').then((m) => ({ default: m.MyMessages })));
const NotificationSettings = lazy(() => import('./pages/NotificationSettings.js').then((m) => ({ default: m.NotificationSettings })));
const CounterFiling = lazy(() => import('./pages/Officer.js').then((m) => ({ default: m.CounterFiling })));
const OfficerApplication = lazy(() => import('./pages/Officer.js').then((m) => ({ default: m.OfficerApplication })));
const OfficerDesk = lazy(() => import('./pages/Officer.js').then((m) => ({ default: m.OfficerDesk })));
const OfficerHome = lazy(() => import('./pages/Officer.js').then((m) => ({ default: m.OfficerHome })));
const CounterScreen = lazy(() => import('./pages/Counter.js').then((m) => ({ default: m.CounterScreen })));
const CounterAssisted = lazy(() => import('./pages/Counter.js').then((m) => ({ default: m.CounterAssisted })));
const CounterFiled = lazy(() => import('./pages/Counter.js').then((m) => ({ default: m.CounterFiled })));
const OperatorIndex = lazy(() => import('./pages/Operator.js').then((m) => ({ default: m.OperatorIndex })));
const OperatorHome = lazy(() => import('./pages/Operator.js').then((m) => ({ default: m.OperatorHome })));
const OperatorFile = lazy(() => import('./pages/Operator.js').then((m) => ({ default: m.OperatorFile })));
const OperatorApplication = lazy(() => import('./pages/Operator.js').then((m) => ({ default: m.OperatorApplication })));
const QueueDisplay = lazy(() => import('./pages/QueueDisplay.js').then((m) => ({ default: m.QueueDisplay })));
const Publisher = lazy(() => import('./pages/Publisher.js').then((m) => ({ default: m.Publisher })));
const PublisherEditor = lazy(() => import('./pages/publisher/Editor.js').then((m) => ({ default: m.PublisherEditor })));
const Service = lazy(() => import('./pages/Service.js').then((m) => ({ default: m.Service })));
const Track = lazy(() => import('./pages/Track.js').then((m) => ({ default: m.Track })));
const Confirmation = lazy(() => import('./pages/Confirmation.js').then((m) => ({ default: m.Confirmation })));

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
      <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={Home} />
        <Route path={CALLBACK_PATH} component={Callback} />
        <Route path="/t/:tenant">{(p) => <Catalog tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/layanan/:service">{(p) => <Service tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/layanan/:service/ajukan">{(p) => <Apply tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/layanan/:service/sesi">{(p) => <Book tenant={p.tenant} service={p.service} />}</Route>
        <Route path="/t/:tenant/permohonan">{(p) => <MyApplications tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/permohonan/:id">{(p) => <Track tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/t/:tenant/permohonan/:id/terkirim">{(p) => <Confirmation tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/t/:tenant/pengaduan">{(p) => <Complaints tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/pengaduan/:id">{(p) => <ComplaintDetail tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/t/:tenant/pesan">{(p) => <MyMessages tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/saluran">{(p) => <Channels tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/profil">{(p) => <Profile tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/antrean">{(p) => <QueueDisplay tenant={p.tenant} />}</Route>
        <Route path="/t/:tenant/skm">{(p) => <Survey tenant={p.tenant} />}</Route>
        <Route path="/petugas" component={OfficerHome} />
        <Route path="/petugas/:tenant/antrean">{(p) => <CounterScreen tenant={p.tenant} />}</Route>
        <Route path="/petugas/:tenant/antrean/ajukan">{(p) => <CounterAssisted tenant={p.tenant} />}</Route>
        <Route path="/petugas/:tenant/antrean/permohonan/:id">{(p) => <CounterFiled tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/operator" component={OperatorIndex} />
        <Route path="/operator/:tenant">{(p) => <OperatorHome tenant={p.tenant} />}</Route>
        <Route path="/operator/:tenant/ajukan">{(p) => <OperatorFile tenant={p.tenant} />}</Route>
        <Route path="/operator/:tenant/permohonan/:id">{(p) => <OperatorApplication tenant={p.tenant} id={p.id} />}</Route>
        <Route path="/petugas/:tenant/:agency">{(p) => <OfficerDesk tenant={p.tenant} agency={p.agency} />}</Route>
        <Route path="/petugas/:tenant/:agency/loket">{(p) => <CounterFiling tenant={p.tenant} agency={p.agency} />}</Route>
        <Route path="/petugas/:tenant/:agency/permohonan/:id">{(p) => <OfficerApplication tenant={p.tenant} agency={p.agency} id={p.id} />}</Route>
        <Route path="/admin/:tenant">{(p) => <Admin tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/persiapan">{(p) => <Onboarding tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/notifikasi">{(p) => <NotificationSettings tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/webhook">{(p) => <EventEndpoints tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/koneksi">{(p) => <Connections tenant={p.tenant} />}</Route>
        <Route path="/admin/:tenant/impor">{(p) => <Imports tenant={p.tenant} />}</Route>
        <Route path="/penerbit" component={Publisher} />
        <Route path="/penerbit/wilayah" component={Regions} />
        <Route path="/penerbit/ubah/:plugin">{(p) => <PublisherEditor plugin={p.plugin} />}</Route>
        <Route path="/kementerian" component={Ministry} />
        <Route component={NotFound} />
      </Switch>
      </Suspense>
    </Layout>
  );
}

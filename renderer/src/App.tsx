import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CollectedBanner } from './components/CollectedBanner';
import { DemoPanel } from './components/DemoPanel';
import { ErrorNotice } from './components/ErrorNotice';
import { RecoveryNotice } from './components/RecoveryNotice';
import { Header } from './components/Header';
import { StepRail } from './components/StepRail';
import type { StepId } from './store/model';
import { useWizard } from './store/store-context';
import { ApplyStep } from './steps/ApplyStep';
import { ChooseStep } from './steps/ChooseStep';
import { FindingsStep } from './steps/FindingsStep';
import { KitStep } from './steps/KitStep';
import { ManualStep } from './steps/ManualStep';
import { PrepareStep } from './steps/PrepareStep';
import { ReportStep } from './steps/ReportStep';
import { RestartStep } from './steps/RestartStep';
import { ScanStep } from './steps/ScanStep';
import { SettingsStep } from './steps/SettingsStep';
import { VerifyStep } from './steps/VerifyStep';
import { WelcomeStep } from './steps/WelcomeStep';
import { AnotherPcView } from './views/AnotherPcView';
import { HistoryView } from './views/HistoryView';
import { ServerView } from './views/ServerView';

const STEPS: Record<StepId, () => React.ReactElement | null> = {
  welcome: WelcomeStep,
  scan: ScanStep,
  findings: FindingsStep,
  settings: SettingsStep,
  choose: ChooseStep,
  manual: ManualStep,
  kit: KitStep,
  prepare: PrepareStep,
  apply: ApplyStep,
  restart: RestartStep,
  verify: VerifyStep,
  report: ReportStep,
};

export function App() {
  const { t, i18n } = useTranslation();
  const step = useWizard((s) => s.step);
  const view = useWizard((s) => s.view);
  const locale = useWizard((s) => s.locale);
  const audience = useWizard((s) => s.audience);

  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    document.title = i18n.getFixedT(locale)('app.name');
  }, [locale, i18n]);

  const Step = STEPS[step];
  return (
    <div className={`app audience-${audience}`}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <DemoPanel />
      <div className="layout">
        {view === 'wizard' ? <StepRail /> : null}
        <main id="main" className="content" tabIndex={-1}>
          <CollectedBanner />
          <ErrorNotice />
          <RecoveryNotice />
          {view === 'history' ? (
            <HistoryView />
          ) : view === 'server' ? (
            <ServerView />
          ) : view === 'another' ? (
            <AnotherPcView />
          ) : (
            <Step key={step} />
          )}
        </main>
      </div>
    </div>
  );
}

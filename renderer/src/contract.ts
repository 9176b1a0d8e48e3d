/**
 * The renderer's one window onto the shared contract and the core's data shapes: types only,
 * erased at build time, so no main-process code can reach the page. The lint rule against
 * importing `electron` also matches this repository's `electron/` folder, hence the exemptions.
 */
/* eslint-disable no-restricted-imports */
export type { DiagnosisReport } from '../../electron/core/diagnosis/diagnosis-report';
export type {
  ClientFixId as FixId,
  Finding,
  FindingId,
  Severity,
} from '../../electron/core/diagnosis/finding';
export type {
  ChangePlan,
  ChangeRecord,
  ChangeState,
  PlannedChange,
} from '../../electron/core/fixes/change-plan';
export type {
  AuthScheme,
  ExchangeAccount,
  OutlookProfile,
  RpcOverHttpSettings,
} from '../../electron/core/outlook/profile-model';
export type { SerializedRegValue } from '../../electron/core/registry/reg-value';
export type {
  CertificateInfo,
  ProbeFailure,
  ProbeResult,
  ProxyCheck,
} from '../../electron/core/proxy-check/probe-result';
export type {
  AppInfo,
  ApplyOutcome,
  Channel,
  ChannelArgs,
  ChannelResults,
  GuideCommand,
  GuideId,
  IisAuthReading,
  MatchedServerEvent,
  RollbackOutcome,
  SavedReport,
  ScenarioInfo,
  ServerGuide,
  StepName,
  WizardApi,
} from '../../electron/shared/ipc-contract';
/* eslint-enable no-restricted-imports */

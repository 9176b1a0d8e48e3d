/**
 * The renderer's window onto the shared channel list and the core's data shapes. All types,
 * erased at build time, except the channel names, which come from the zod-free channel list.
 */
export { CHANNELS } from '../../electron/shared/channels';
export type {
  AppInfo,
  ApplyOutcome,
  Channel,
  CollectedPcInfo,
  Delivery,
  KitLogEntry,
  MadeKit,
  ScenarioInfo,
  UploadFile,
  GuideCommand,
  GuideId,
  IisAuthReading,
  MatchedServerEvent,
  RollbackOutcome,
  SavedReport,
  ServerGuide,
  StepName,
  WizardApi,
  WizardBridge,
} from '../../electron/shared/channels';
export type { Reply, ReplyError } from '../../electron/shared/reply';
export type { DiagnosisReport } from '../../electron/core/diagnosis/diagnosis-report';
export type { Coverage, CoveragePart } from '../../electron/core/diagnosis/coverage';
export type { LsaState } from '../../electron/core/lsa/lsa-model';
export type {
  AutodiscoverNotice,
  AutodiscoverServer,
} from '../../electron/core/autodiscover/autodiscover-notice';
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
  PlanSkip,
  PlannedChange,
  RecordedRemoval,
} from '../../electron/core/fixes/change-plan';
export type { CredentialPick } from '../../electron/shared/channels';
export type { CredentialMatch } from '../../electron/core/causes/saved-credentials';
export type { CauseFindingId, CauseFixId } from '../../electron/core/causes/cause-finding';
export type { AuthnReading, NoCauseGuidance } from '../../electron/core/causes/no-cause-guidance';
export type { MapiEndpointReading } from '../../electron/core/causes/mapi-endpoint';
export type { Locale } from '../../electron/core/locale';
export type { RecoveryItem, RecoveryReport } from '../../electron/core/fixes/recovery-report';
export type {
  AuthScheme,
  ExchangeAccount,
  InstalledOutlook,
  OutlookProfile,
  RpcOverHttpSettings,
} from '../../electron/core/outlook/profile-model';
export type { SerializedRegValue } from '../../electron/core/registry/reg-value';
export type { ProxyCheck } from '../../electron/core/proxy-check/probe-result';

import type { CoveragePart } from '../diagnosis/coverage';
import type { Locale } from '../locale';
import { ABSENT_TEXT } from './value-text';

/** Labels of the ticket report, per language (the report travels into tickets, so it follows the UI language). */
export interface ReportLabels {
  readonly title: string;
  readonly generated: string;
  readonly machine: string;
  readonly os: string;
  readonly outlook: string;
  readonly none: string;
  readonly profiles: string;
  readonly account: string;
  readonly proxy: string;
  readonly authScheme: string;
  readonly lmLevel: string;
  readonly lmStored: string;
  readonly lmEffective: string;
  readonly findingsBefore: string;
  readonly findingsAfter: string;
  readonly noFindings: string;
  readonly changes: string;
  readonly noChanges: string;
  readonly value: string;
  readonly before: string;
  readonly after: string;
  readonly state: string;
  readonly absent: string;
  readonly summaryFixed: string;
  readonly summaryOpen: string;
  /** Coverage: what a registry export did not show, and how to complete it. */
  readonly coverage: string;
  readonly coverageIncomplete: string;
  readonly coverageParts: Readonly<Record<CoveragePart, string>>;
  readonly installUnknown: string;
  readonly completeWith: string;
  readonly userHive: string;
  readonly leftover: string;
  readonly notInExport: string;
  readonly invalidLevel: string;
  readonly unknown: string;
  /** The causes beyond KB820281 (saved sign-ins, the mail servers' answers). */
  readonly savedCredentials: string;
  readonly credentialsNotListed: string;
  readonly removable: string;
  readonly savedCredential: string;
  readonly present: string;
  readonly removed: string;
  readonly notRemoved: string;
  readonly notUndoable: string;
  readonly mailServers: string;
  readonly rpcProxy: string;
  readonly mapiEndpoint: string;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  en: {
    title: 'Exchange Proxy Wizard report',
    generated: 'Generated',
    machine: 'Machine',
    os: 'Windows',
    outlook: 'Outlook installed',
    none: 'none',
    profiles: 'Outlook profiles',
    account: 'Account',
    proxy: 'Proxy server',
    authScheme: 'Proxy sign-in',
    lmLevel: 'LAN Manager authentication level',
    lmStored: 'stored',
    lmEffective: 'in effect',
    findingsBefore: 'Problems found',
    findingsAfter: 'Problems after the fix',
    noFindings: 'none',
    changes: 'Changes made',
    noChanges: 'No changes were made.',
    value: 'Value',
    before: 'Before',
    after: 'After',
    state: 'State',
    absent: ABSENT_TEXT.en,
    summaryFixed: 'fixed',
    summaryOpen: 'still open',
    coverage: 'What the registry showed',
    coverageIncomplete: 'Incomplete: the registry export does not show',
    coverageParts: {
      profiles: "the installed Outlook's profiles",
      officeInstall: 'which Outlook is installed',
      lsa: 'the LAN Manager settings (LSA key)',
      osVersion: 'the Windows version',
      policy: 'whether a policy sets the LAN Manager level',
    },
    installUnknown: 'No Outlook install was found: which profiles the installed Outlook uses is not known.',
    completeWith: 'To complete it, run on the PC',
    userHive: 'Read from the export of another user, as that user',
    leftover: 'left over from an older Outlook, not used',
    notInExport: 'not in this export',
    invalidLevel: 'not a level, stored as',
    unknown: 'unknown',
    savedCredentials: 'Saved sign-ins that concern Outlook (names only)',
    credentialsNotListed: 'Not listed here (no credential store could be read).',
    removable: 'can be removed',
    savedCredential: 'Saved sign-in',
    present: 'saved',
    removed: 'removed',
    notRemoved: 'not removed',
    notUndoable: 'cannot be undone',
    mailServers: 'What the mail servers answered (no password sent)',
    rpcProxy: 'RPC over HTTP proxy',
    mapiEndpoint: 'MAPI over HTTP',
  },
  'zh-CN': {
    title: 'Exchange 代理向导报告',
    generated: '生成时间',
    machine: '计算机',
    os: 'Windows',
    outlook: '已安装的 Outlook',
    none: '无',
    profiles: 'Outlook 配置文件',
    account: '帐户',
    proxy: '代理服务器',
    authScheme: '代理登录方式',
    lmLevel: 'LAN Manager 身份验证级别',
    lmStored: '已存储',
    lmEffective: '实际生效',
    findingsBefore: '发现的问题',
    findingsAfter: '修复后的问题',
    noFindings: '无',
    changes: '所做的更改',
    noChanges: '未做任何更改。',
    value: '值',
    before: '之前',
    after: '之后',
    state: '状态',
    absent: ABSENT_TEXT['zh-CN'],
    summaryFixed: '已修复',
    summaryOpen: '仍未解决',
    coverage: '注册表显示的内容',
    coverageIncomplete: '不完整：注册表导出文件中缺少',
    coverageParts: {
      profiles: '已安装 Outlook 的配置文件',
      officeInstall: '已安装的是哪个 Outlook',
      lsa: 'LAN Manager 设置（LSA 项）',
      osVersion: 'Windows 版本',
      policy: '是否有策略设置 LAN Manager 级别',
    },
    installUnknown: '没有找到已安装的 Outlook：无法确定它使用哪些配置文件。',
    completeWith: '如需补全，请在这台电脑上运行',
    userHive: '读取自另一用户的导出，按该用户显示',
    leftover: '旧版 Outlook 遗留，未使用',
    notInExport: '此导出文件中没有',
    invalidLevel: '不是有效级别，保存为',
    unknown: '未知',
    savedCredentials: '与 Outlook 相关的已保存登录凭据（仅名称）',
    credentialsNotListed: '此处未列出（无法读取凭据存储）。',
    removable: '可以删除',
    savedCredential: '已保存的登录凭据',
    present: '已保存',
    removed: '已删除',
    notRemoved: '未删除',
    notUndoable: '无法撤消',
    mailServers: '邮件服务器的应答（未发送密码）',
    rpcProxy: 'RPC over HTTP 代理',
    mapiEndpoint: 'MAPI over HTTP',
  },
};

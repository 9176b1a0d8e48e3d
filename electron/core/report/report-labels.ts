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
  },
};

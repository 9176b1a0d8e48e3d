import type { ChangePlan, PlannedChange } from '../fixes/change-plan';
import { describeRegValue, deserializeRegValue, type SerializedRegValue } from '../registry/reg-value';
import en from './steps-text/en.json';
import zhCN from './steps-text/zh-CN.json';

export type KitLanguage = 'en' | 'zh-CN';
export const KIT_LANGUAGES: readonly KitLanguage[] = ['en', 'zh-CN'];

type StepsText = typeof en;
const TEXT: Record<KitLanguage, StepsText> = { en, 'zh-CN': zhCN };

export interface StepsInput {
  readonly language: KitLanguage;
  readonly plan: ChangePlan;
  readonly computer: string | null;
  readonly account: string | null;
  readonly collectedAt: string | null;
  readonly madeAt: string;
  readonly hasUserPart: boolean;
  readonly hasMachinePart: boolean;
  /** Kit files, in the order the page lists them. */
  readonly files: readonly string[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => escapeHtml(vars[k] ?? ''));
}

function dword(v: SerializedRegValue | null): number | null {
  if (!v) return null;
  if (v.type === 'REG_DWORD') return v.data;
  if (v.type === 'REG_BINARY' && v.hex.length === 8) {
    const b = v.hex.match(/../g)!.map((x) => parseInt(x, 16));
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }
  return null;
}

/** A value as a person reads it: "Basic (1)", "level 3", the host list, or the raw value. */
function showValue(t: StepsText, c: PlannedChange, v: SerializedRegValue | null): string {
  if (v === null) return escapeHtml(t.absent);
  const n = dword(v);
  if (c.kind === 'roh-auth-scheme' && n !== null) {
    const names = t.schemeNames as Record<string, string>;
    return fill(t.scheme, { name: names[String(n)] ?? String(n), value: String(n) });
  }
  if (c.kind === 'lm-compatibility-level' && n !== null) return fill(t.lmLevel, { level: String(n) });
  if (c.kind === 'profile-auth-package' && n !== null) {
    const names = t.authPackageNames as Record<string, string>;
    return fill(t.scheme, { name: names[String(n)] ?? String(n), value: String(n) });
  }
  if (c.kind === 'profile-config-flags' && n !== null) return fill(t.flags, { value: n.toString(16) });
  if (v.type === 'REG_MULTI_SZ') return v.data.map(escapeHtml).join('<br>');
  return escapeHtml(describeRegValue(deserializeRegValue(v)));
}

function changeRow(t: StepsText, c: PlannedChange): string {
  const where = c.profile ? fill(t.profileAccount, { profile: c.profile }) : escapeHtml(t.thisComputer);
  const why = (t.why as Record<string, string>)[c.fix] ?? '';
  return [
    '<tr>',
    `<td>${where}</td>`,
    `<td><code>${escapeHtml(c.path)}\\${escapeHtml(c.name)}</code></td>`,
    `<td>${showValue(t, c, c.before)}</td>`,
    `<td>${showValue(t, c, c.after)}</td>`,
    '</tr>',
    `<tr class="why"><td colspan="4">${escapeHtml(why)}</td></tr>`,
  ].join('');
}

const STYLE = [
  'body{font-family:Segoe UI,Tahoma,"Microsoft YaHei",sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}',
  'table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}',
  'tr.why td{border-top:none;color:#333;font-size:.95em}code{font-size:.9em;word-break:break-all}',
  '@media print{body{margin:0}}',
].join('');

/** steps.html: printable instructions for the technician, in the chosen language. */
export function makeStepsHtml(input: StepsInput): string {
  const t = TEXT[input.language];
  const unknown = t.unknown;
  const computer = input.computer ?? unknown;
  const user = input.account ?? unknown;
  const { plan } = input;
  const restarts = [
    plan.restartOutlook ? t.restartOutlook : null,
    plan.restartWindows ? t.restartWindows : null,
    plan.changes.some((c) => c.kind === 'back-connection-host-names') ? t.restartIis : null,
  ].filter((s): s is string => s !== null);
  const who = [
    input.hasUserPart ? fill(t.whoUser, { user }) : null,
    input.hasMachinePart ? fill(t.whoMachine, {}) : null,
    input.hasUserPart && input.hasMachinePart ? fill(t.whoBoth, { user }) : null,
    input.hasUserPart ? escapeHtml(t.whoOutlook) : null,
    fill(t.whoGpo, {}),
  ].filter((s): s is string => s !== null);
  const fileText = t.files as Record<string, string>;
  const section = (title: string, body: string[]) => [`<h2>${escapeHtml(title)}</h2>`, ...body];
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${fill(t.title, { computer })}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${fill(t.title, { computer })}</h1>`,
    `<p>${fill(t.madeFrom, { made: input.madeAt, computer, user, collected: input.collectedAt ?? unknown })}</p>`,
    `<p>${escapeHtml(t.printHint)}</p>`,
    ...section(t.whatTitle, [
      '<table>',
      `<tr><th>${escapeHtml(t.colWhere)}</th><th>${escapeHtml(t.colValue)}</th><th>${escapeHtml(t.colBefore)}</th><th>${escapeHtml(t.colAfter)}</th></tr>`,
      ...plan.changes.map((c) => changeRow(t, c)),
      '</table>',
    ]),
    ...section(
      t.whoTitle,
      who.map((p) => `<p>${p}</p>`),
    ),
    ...section(t.stepsTitle, ['<ol>', ...t.steps.map((s) => `<li>${escapeHtml(s)}</li>`), '</ol>']),
    ...(restarts.length > 0
      ? section(t.restartTitle, ['<ul>', ...restarts.map((r) => `<li>${escapeHtml(r)}</li>`), '</ul>'])
      : []),
    ...section(t.undoTitle, [`<p>${escapeHtml(t.undoText)}</p>`]),
    ...section(t.verifyTitle, [
      `<p>${escapeHtml(t.verifyAfter)}</p>`,
      ...(input.hasUserPart ? [`<p>${escapeHtml(t.verifyOutlook)}</p>`] : []),
      ...(plan.restartWindows ? [`<p>${escapeHtml(t.verifyLm)}</p>`] : []),
    ]),
    // The one cause a kit cannot fix: said, with where a person removes them by hand.
    ...(input.hasUserPart ? section(t.savedTitle, [`<p>${escapeHtml(t.savedText)}</p>`]) : []),
    ...section(t.exitTitle, [
      '<table>',
      ...['0', '4', '5', '6', '1'].map(
        (code) =>
          `<tr><td>${code}</td><td>${escapeHtml((t.exit as Record<string, string>)[code]!)}</td></tr>`,
      ),
      '</table>',
    ]),
    ...section(t.filesTitle, [
      '<ul>',
      ...input.files.map((f) => {
        const key = f.startsWith('check\\') || f.startsWith('check/') ? 'check' : f;
        const what = fileText[key];
        return `<li><code>${escapeHtml(f)}</code>${what ? ` &ndash; ${escapeHtml(what)}` : ''}</li>`;
      }),
      '</ul>',
    ]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

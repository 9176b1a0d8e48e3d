import type { GuideId, Locale, MatchedServerEvent, ServerGuide } from '../contract';

/** Four guides shaped like the service's, with the names filled into the commands. */
export function fakeGuides(locale: Locale, server = '<SERVER>', fqdn = '<FQDN>'): ServerGuide[] {
  const zh = locale === 'zh-CN';
  const guide = (
    id: GuideId,
    events: ServerGuide['events'],
    commands: ServerGuide['commands'],
    productFix: ServerGuide['productFix'] = null,
  ): ServerGuide => ({
    id,
    kb: id.startsWith('kb') ? [id.toUpperCase()] : [],
    events,
    title: `${zh ? '指南' : 'Guide'} ${id}`,
    symptom: `${zh ? '症状' : 'Symptom of'} ${id}`,
    meaning: `${zh ? '含义' : 'Meaning of'} ${id}`,
    checks: [`${id} check one`, `${id} check two`],
    commands,
    productFix,
    productFixText: `${id} product fix text`,
  });
  return [
    guide(
      'exprox-1000',
      [{ source: 'EXPROX', id: 1000 }],
      [{ label: 'IIS 6 providers', shell: 'cmd', command: 'cscript adsutil.vbs GET W3SVC/1/ROOT' }],
    ),
    guide(
      'kb914137',
      [],
      [
        { label: 'List SPNs', shell: 'cmd', command: `setspn -L ${server}` },
        { label: 'Add SPN', shell: 'cmd', command: `setspn -S SMTPSVC/${fqdn} ${server}` },
      ],
      'backconnection-host',
    ),
    guide(
      'owa-71',
      [{ source: 'MSExchange OWA', id: 71 }],
      [
        {
          label: 'Set InternalUrl',
          shell: 'powershell',
          command: `Set-OwaVirtualDirectory -Identity "${server}\\owa (Default Web Site)" -InternalUrl "https://${fqdn}/owa"`,
        },
      ],
    ),
    guide('kb183545', [], []),
  ];
}

export const SERVER_EVENTS: readonly MatchedServerEvent[] = [
  {
    source: 'EXPROX',
    id: 1000,
    time: '2026-01-12T08:14:03.000Z',
    message: 'Fell back to NTLM.',
    guide: 'exprox-1000',
  },
  { source: 'MSExchange OWA', id: 71, time: '2026-01-12T09:30:12.000Z', guide: 'owa-71' },
];

// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../electron/core/causes/text/en.json';
import type { DiagnosisReport, Locale, ProxyCheck } from './contract';
import { fakeApi, sampleReport } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(cleanup);

const URL = 'https://mail.contoso.com/mapi/emsmdb/';

/** The Outlook 2016 PC, its proxy asked: RPC offers NTLM, MAPI over HTTP only Basic. */
function answered(report: DiagnosisReport, mapi: ProxyCheck['mapi']): DiagnosisReport {
  const check: ProxyCheck = {
    proxyServer: 'mail.contoso.com',
    usedBy: [{ profile: 'Outlook', account: 'a' }],
    result: {
      url: 'https://mail.contoso.com/rpc/rpcproxy.dll',
      status: 401,
      schemes: ['basic', 'ntlm'],
      certificate: null,
      failure: null,
      elapsedMs: 12,
    },
    skipped: null,
    mapi,
  };
  const findings =
    mapi?.verdict === 'basic-only'
      ? [
          ...report.findings,
          {
            id: 'mapi-endpoint-basic-only' as const,
            severity: 'warning' as const,
            kb: 'KB2937684',
            profile: 'Outlook',
            account: 'a',
            fixes: [],
            facts: { proxyServer: 'mail.contoso.com', url: URL, status: 401, schemes: 'basic' },
          },
        ]
      : report.findings;
  return { ...report, findings, proxyChecks: [check] };
}

async function technician(mapi: ProxyCheck['mapi'], locale: Locale = 'en') {
  const before = sampleReport('win10-outlook2016-cloud');
  const fake = fakeApi({ reports: { before } });
  fake.api['proxy:check'] = async () => answered(before, mapi);
  const ctx = renderApp({ fake, locale });
  await act(() => ctx.store.getState().init());
  act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return ctx;
}

describe("MAPI over HTTP's answer beside the RPC proxy's", () => {
  it('shows both answers, and what MAPI offering only Basic means', async () => {
    await technician({
      url: URL,
      status: 401,
      schemes: ['basic'],
      verdict: 'basic-only',
      bearerOffered: false,
    });
    const panel = screen.getByTestId('proxy-answer');
    expect(within(panel).getByTestId('proxy-answer-schemes').textContent).toBe('basic, ntlm');
    const mapi = within(panel).getByTestId('mapi-answer');
    expect(mapi.textContent).toContain(URL);
    expect(mapi.textContent).toContain('HTTP 401');
    expect(within(mapi).getByTestId('mapi-answer-verdict').textContent).toBe(en.mapiVerdicts['basic-only']);
    const card = screen.getByTestId('finding-mapi-endpoint-basic-only');
    expect(card.textContent).toContain(`${URL} answered with Basic sign-in only (basic)`);
    expect(within(card).getByTestId('cause-not-offered').getAttribute('data-reason')).toBe('server');
  });

  it('says when MAPI over HTTP could not be reached, in Chinese too', async () => {
    await technician(
      { url: URL, status: null, schemes: [], verdict: 'unreachable', bearerOffered: false },
      'zh-CN',
    );
    const mapi = screen.getByTestId('mapi-answer');
    expect(mapi.getAttribute('data-verdict')).toBe('unreachable');
    expect(mapi.textContent).toContain('没有回应');
    expect(within(mapi).getByTestId('mapi-answer-verdict').textContent).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is left out when MAPI over HTTP was not asked (Outlook 2010 and older)', async () => {
    await technician(null);
    expect(screen.getByTestId('proxy-answer')).toBeTruthy();
    expect(screen.queryByTestId('mapi-answer')).toBeNull();
  });
});

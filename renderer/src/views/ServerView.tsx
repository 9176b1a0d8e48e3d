import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideId, MatchedServerEvent, ServerGuide } from '../contract';
import { StepFrame } from '../components/StepFrame';
import { ServerIcon } from '../icons';
import { useWizard } from '../store/store-context';
import { GuideView } from './GuideView';
import './ServerView.css';

/** Events of one source and ID, newest first: a busy log repeats the same event many times. */
interface EventGroup {
  readonly source: string;
  readonly id: number;
  readonly guide: GuideId;
  readonly count: number;
  readonly latest: MatchedServerEvent;
}

function groupEvents(events: readonly MatchedServerEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const e of events) {
    const key = `${e.source.toLowerCase()}|${e.id}`;
    const g = groups.get(key);
    const newer = !g || (e.time ?? '') > (g.latest.time ?? '');
    groups.set(key, {
      source: e.source,
      id: e.id,
      guide: e.guide,
      count: (g?.count ?? 0) + 1,
      latest: newer ? e : g.latest,
    });
  }
  return [...groups.values()];
}

/** The guide an event ID (and optionally its source) leads to, when exactly one does. */
function guideForEventId(guides: readonly ServerGuide[], id: number, source: string): GuideId | null {
  const hits = guides.filter((g) =>
    g.events.some((e) => e.id === id && (!source || e.source.toLowerCase() === source.toLowerCase())),
  );
  return hits.length === 1 ? hits[0]!.id : null;
}

function ServerEvents() {
  const { t, i18n } = useTranslation();
  const events = useWizard((s) => s.serverEvents);
  const open = useWizard((s) => s.openGuide);
  const guides = useWizard((s) => s.guides);
  const titleOf = (id: GuideId) => guides?.find((g) => g.id === id)?.title ?? id;
  return (
    <section className="panel" data-testid="server-events" aria-labelledby="server-events-h">
      <h2 id="server-events-h">{t('server.events.title')}</h2>
      {events === null ? <p role="status">{t('server.events.loading')}</p> : null}
      {events && events.length === 0 ? <p className="muted">{t('server.events.none')}</p> : null}
      {events && events.length > 0 ? (
        <ul className="event-list">
          {groupEvents(events).map((g) => (
            <li
              key={`${g.source}-${g.id}`}
              className="event-item"
              data-testid="server-event"
              data-event-id={g.id}
              data-guide={g.guide}
            >
              <div>
                <p className="notice-title">
                  {t('server.events.item', { source: g.source, id: g.id, n: g.count })}
                </p>
                {g.latest.time ? (
                  <p className="detail">
                    {t('server.events.latest', {
                      time: new Date(g.latest.time).toLocaleString(i18n.language),
                    })}
                  </p>
                ) : null}
                {g.latest.message ? <p className="detail event-message">{g.latest.message}</p> : null}
              </div>
              <button
                type="button"
                className="button"
                data-testid="event-open"
                aria-label={t('server.events.openLabel', { id: g.id, title: titleOf(g.guide) })}
                onClick={() => open(g.guide)}
              >
                {t('server.events.open')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function EventIdFinder({ guides }: { guides: readonly ServerGuide[] }) {
  const { t } = useTranslation();
  const open = useWizard((s) => s.openGuide);
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [noMatch, setNoMatch] = useState(false);
  const sources = [...new Set(guides.flatMap((g) => g.events.map((e) => e.source)))];
  const find = (raw: string, src: string, final: boolean) => {
    const id = /^\s*\d{1,5}\s*$/.test(raw) ? Number(raw) : null;
    const hit = id === null ? null : guideForEventId(guides, id, src);
    if (hit) open(hit);
    setNoMatch(final && !hit && raw.trim() !== '');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    find(value, source, true);
  };
  return (
    <form className="panel event-finder" onSubmit={submit} aria-labelledby="event-finder-h">
      <h2 id="event-finder-h">{t('server.byEvent.title')}</h2>
      <div className="field-row">
        <label className="field">
          <span>{t('server.byEvent.id')}</span>
          <input
            type="text"
            inputMode="numeric"
            data-testid="event-id"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              find(e.target.value, source, false);
            }}
          />
        </label>
        <label className="field">
          <span>{t('server.byEvent.source')}</span>
          <select data-testid="event-source" value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">{t('server.byEvent.anySource')}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('server.byEvent.find')}
        </button>
      </div>
      <p className="detail">{t('server.byEvent.hint')}</p>
      {noMatch ? (
        <p className="notice info" role="status" data-testid="event-no-match">
          {t('server.byEvent.noMatch', { id: value.trim() })}
        </p>
      ) : null}
    </form>
  );
}

function GuideList() {
  const { t } = useTranslation();
  const guides = useWizard((s) => s.guides);
  const open = useWizard((s) => s.openGuide);
  useEffect(() => {
    // Coming back from a guide: the page heading takes focus again.
    document.querySelector<HTMLElement>('[data-testid="view-server"] [data-testid="step-heading"]')?.focus();
  }, []);
  return (
    <>
      <ServerEvents />
      {guides ? <EventIdFinder guides={guides} /> : null}
      <section className="panel" aria-labelledby="by-symptom-h">
        <h2 id="by-symptom-h">{t('server.bySymptom.title')}</h2>
        {!guides ? <p role="status">{t('server.loading')}</p> : null}
        <div className="guide-cards">
          {(guides ?? []).map((g) => (
            <button
              key={g.id}
              type="button"
              className="big-choice guide-card"
              data-testid={`guide-${g.id}`}
              onClick={() => open(g.id)}
            >
              <span className="choice-title">{g.title}</span>
              <span className="choice-text">{g.symptom}</span>
              {g.kb.length > 0 || g.events.length > 0 ? (
                <span className="guide-tags">
                  {[...g.kb, ...g.events.map((e) => `${e.source} ${e.id}`)].map((x) => (
                    <span key={x} className="badge">
                      {x}
                    </span>
                  ))}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}

/** The server troubleshooter: for technicians at an Exchange or IIS server. */
export function ServerView() {
  const { t } = useTranslation();
  const guide = useWizard((s) => s.guide);
  const guides = useWizard((s) => s.guides);
  const close = useWizard((s) => s.closeServer);
  const current = guide ? guides?.find((g) => g.id === guide) : undefined;
  return (
    <StepFrame testId="view-server" title={t('server.title')} lead={t('server.lead')} icon={<ServerIcon />}>
      <div className="actions">
        <button type="button" className="button" data-testid="server-back-wizard" onClick={close}>
          {t('nav.wizard')}
        </button>
      </div>
      {current ? <GuideView key={current.id} guide={current} /> : <GuideList />}
    </StepFrame>
  );
}

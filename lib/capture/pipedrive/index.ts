import { cleanLine } from '../../domain/text';
import {
  RecordDraft,
  attempt,
  emailsIn,
  finishRecord,
  firstVisibleOf,
  hrefOf,
  labelledValues,
  lineOf,
  pageLang,
  query,
  queryAll,
  queryFirst,
  textOf,
  tileAround,
} from '../dom';
import { dateHead, domainOf, pageDateFormat, parseMoney, parsePageDate, parsePercent } from '../locale';
import type { RecordCapture, RecordKind } from '../schema';

/**
 * Pipedrive record pages: <company>.pipedrive.com/deal/<id>, /organization/<id>, /person/<id>.
 * Pure; never throws.
 *
 * What is read, in order of trust: the record id from the URL; the title from Pipedrive's test
 * hooks (`data-testid="header-title"`, `data-test="deal-title"`, the older `.detailView` header);
 * the organisation and people from links to /organization/<id> and /person/<id> and their
 * `mailto:` addresses; the other values by the label shown beside them (labelledValues), in the
 * languages below. Sources and what is not sourced: tests/fixtures/pages/SOURCES.md.
 */

const HOST = /^([a-z0-9][a-z0-9-]*)\.pipedrive\.com$/i;
const NOT_APP = new Set(['www', 'api', 'developers', 'support', 'status', 'marketplace', 'community']);
const PATH = /^\/(deal|organization|person)\/(\d+)(?:\/|$)/;
const KIND: Record<string, RecordKind> = { deal: 'deal', organization: 'account', person: 'contact' };

/** The record a URL names, or null (cheap: host test + one regex). */
export function pipedriveRecordOf(url: URL): { kind: RecordKind; id: string } | null {
  const h = HOST.exec(url.hostname);
  if (!h || NOT_APP.has(h[1]!.toLowerCase())) return null;
  const m = PATH.exec(url.pathname);
  return m ? { kind: KIND[m[1]!]!, id: m[2]! } : null;
}

/** The shown record's view: never a hidden earlier one. */
const VIEWS = ['.detailView', '[data-testid="detail-view"]', '[data-test="detail-view"]', '[data-test="deal-details"]', '[data-test="person-details"]', '[data-test="organization-details"]'];
const TITLE = [
  '[data-testid="header-title"] [data-test="editable-input-content"]',
  '[data-testid="header-title"] [data-testid="editable-input-content"]',
  '[data-testid="header-title"] h1',
  '[data-testid="header-title"]',
  '[data-test="deal-title"]',
  '[data-testid="deal-title"]',
  '[data-test="entity-name"]',
  '.descriptionHead h1',
  '.detailHeader__title',
  'h1',
];

/** Labels as Pipedrive shows them (English, Spanish, Portuguese, German, French). */
const LABELS = {
  value: /^(deal )?(value|valor|wert|valeur)$/i,
  closeOn: /^(expected close date|fecha de cierre prevista|fecha prevista de cierre|data de fechamento esperada|erwartetes abschlussdatum|date de conclusion prévue)$/i,
  probability: /^(probability|probabilidad|probabilidade|wahrscheinlichkeit|probabilité)$/i,
  ownerName: /^(owner|propietario|proprietário|responsável|inhaber|besitzer|propriétaire)$/i,
  stage: /^(stage|etapa|fase|phase|étape)$/i,
  pipeline: /^(pipeline|embudo|funil)$/i,
  status: /^(status|estado|statut)$/i,
  website: /^(website|sitio web|site)$/i,
  title: /^(job title|title|cargo|puesto|position|titre)$/i,
  phone: /^(phone|teléfono|telefone|telefon|téléphone)$/i,
  /** Pipedrive's own field names ("Deal created": add_time; "Person created", "Organization created"), and the Overview's "Created". */
  createdOn: /^((deal|person|organi[sz]ation) created|created|(trato|negocio|persona|organizaci[oó]n) cread[oa]|creado|fecha de creaci[oó]n|(neg[oó]cio|pessoa|organiza[cç][aã]o) criad[oa]|criado|data de cria[cç][aã]o|(deal|person|organisation|organization) erstellt|erstellt( am)?|(affaire|personne|organisation) cr[ée][ée]e?|cr[ée][ée]e?( le)?|date de cr[ée]ation)$/i,
} as const;

const STATUS: Array<[RegExp, 'open' | 'won' | 'lost']> = [
  [/^(won|ganado|ganho|gewonnen|gagné)$/i, 'won'],
  [/^(lost|perdido|verloren|perdu)$/i, 'lost'],
  [/^(open|abierto|aberto|offen|ouvert)$/i, 'open'],
];

const ORG_LINK = 'a[href*="/organization/"]';
const PERSON_LINK = 'a[href*="/person/"]';
const ID_IN = /\/(?:organization|person)\/(\d+)(?:[/?#]|$)/;

export function readPipedrive(root: ParentNode, url: URL): RecordCapture | null {
  const rec = pipedriveRecordOf(url);
  if (!rec) return null;
  const d = new RecordDraft();
  attempt(() => readRecord(d, root, url, rec.kind));
  return finishRecord(d, { site: 'pipedrive', kind: rec.kind, url, externalId: rec.id });
}

function readRecord(d: RecordDraft, root: ParentNode, url: URL, kind: RecordKind): void {
  d.want('name');
  if (kind === 'deal') d.want('amountMinor', 'currency', 'stage', 'closeOn', 'createdOn', 'probability', 'status', 'ownerName', 'accountName', 'people');
  if (kind === 'account') d.want('ownerName', 'people');
  if (kind === 'contact') d.want('accountName', 'emails', 'phone', 'ownerName');

  const scope: ParentNode | null =
    firstVisibleOf(root, VIEWS) ?? firstVisibleOf(root, ['main', '[role="main"]']) ?? (queryFirst(root, VIEWS) ? null : root);
  if (!scope) return;
  const lang = pageLang(root);

  attempt(() => {
    for (const sel of TITLE) {
      const el = query(scope, sel);
      const name = el ? lineOf(el, 300) : '';
      if (name) {
        d.set('name', name);
        break;
      }
    }
  });

  const found = labelledValues(scope, LABELS);
  for (const { label, value } of found.values()) d.addRaw(label, textOf(value, 8000));
  const text = (k: keyof typeof LABELS, max: number) => {
    const f = found.get(k);
    return f ? lineOf(f.value, max) : '';
  };

  // Every date-looking value of the record settles the page's date format together.
  let dateFormat: ReturnType<typeof pageDateFormat> = null;
  attempt(() => {
    const dates = [...found.values()].map((f) => textOf(f.value, 200)).filter((v) => dateHead(v) !== null);
    dateFormat = pageDateFormat(dates, lang);
  });
  // The record's created date (any kind that shows it; wanted on deals): the date part of the date-time.
  attempt(() => d.set('createdOn', parsePageDate(text('createdOn', 200), dateFormat)));

  if (kind === 'deal') {
    attempt(() => {
      const money = parseMoney(text('value', 200), lang);
      if (money) {
        d.set('amountMinor', money.minor);
        d.set('currency', money.currency);
      }
    });
    attempt(() => {
      const stage = text('stage', 200) || lineOf(query(scope, '[aria-current="step"]'), 200);
      d.set('stage', stage);
    });
    attempt(() => d.set('pipeline', text('pipeline', 200)));
    attempt(() => d.set('closeOn', parsePageDate(text('closeOn', 200), dateFormat)));
    attempt(() => {
      const p = parsePercent(text('probability', 50), lang);
      if (p !== null) d.set('probability', p);
    });
    attempt(() => {
      // The status as a label–value pair, else the header's badge (data-test="deal-status").
      const s = text('status', 50) || lineOf(query(scope, '[data-test="deal-status"], [data-testid="deal-status"]'), 50);
      const hit = STATUS.find(([re]) => re.test(s));
      if (hit) d.set('status', hit[1]);
    });
  }
  attempt(() => d.set('ownerName', cleanLine(text('ownerName', 200), 200)));

  if (kind === 'account') {
    attempt(() => {
      const site = text('website', 500);
      d.set('website', site);
      if (site) d.set('domain', domainOf(site));
    });
  }
  if (kind === 'contact') {
    attempt(() => d.set('title', text('title', 200)));
    attempt(() => {
      const phoneEl = found.get('phone')?.value ?? null;
      const tel = query(phoneEl ?? scope, 'a[href^="tel:"]');
      d.set('phone', lineOf(tel ?? phoneEl, 50));
    });
    attempt(() => {
      // The person's own addresses: mailto links that are not inside another person's tile.
      const emails: string[] = [];
      for (const a of queryAll(scope, 'a[href^="mailto:"]')) {
        if (a.closest('[data-test="participants"], [data-test="related-persons"]')) continue;
        for (const e of emailsIn(a)) if (!emails.includes(e) && emails.length < 50) emails.push(e);
      }
      d.set('emails', emails);
    });
  }

  attempt(() => {
    if (kind === 'account') return;
    for (const a of queryAll(scope, ORG_LINK)) {
      const id = ID_IN.exec(hrefOf(a, url)?.pathname ?? '')?.[1];
      const name = lineOf(a, 300);
      if (!id || !name) continue;
      d.set('accountName', name);
      d.set('accountExternalId', id);
      break;
    }
  });
  attempt(() => {
    if (kind === 'contact') return;
    const links = queryAll(scope, PERSON_LINK);
    if (links.length) d.found('people');
    const scopeEl = (scope as Node).nodeType === 1 ? (scope as Element) : null;
    for (const a of links) {
      const id = ID_IN.exec(hrefOf(a, url)?.pathname ?? '')?.[1] ?? null;
      const tile = tileAround(a, `${PERSON_LINK}, ${ORG_LINK}`, scopeEl);
      d.addPerson({ name: lineOf(a, 300) || null, email: emailsIn(tile, 1)[0] ?? null, role: null, title: null, externalId: id });
    }
  });
}

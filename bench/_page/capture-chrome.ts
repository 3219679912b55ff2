/**
 * A generated app shell around a saved CRM record, for the capture bench only (never for the
 * unit tests, which read the bare fixtures). The saved fixtures hold the record and a sketch of
 * the page around it (155–692 elements); the pages the extension reads are far larger: the app's
 * global header and search, the navigation bar with its menus, related lists, the activity
 * timeline, the utility bar, overlay containers. A bench on the bare fixture measures a floor of
 * a few microseconds and so says nothing about a read's cost on the page the AE has open.
 *
 * Sizes (elements added around the fixture; the bench prints `shell_elements` and the document's
 * total as `elements`). These are estimates of the apps' record pages from their public markup
 * patterns (SLDS blueprints, LWC datatables, the activity timeline), not counts taken from one
 * real page; the brief for this bench put a Lightning record page at 8–15k elements:
 * - salesforce: 10,844 added, 11,536 in all. Global header with search and action menus 303,
 *   app navigation bar with a menu per item (14 × 8) 949, 7 related lists rendered as datatables
 *   (10 rows × 6 columns, each cell five LWC wrappers deep) 4,396, an activity timeline of 80
 *   entries 5,060, the utility bar 132.
 * - hubspot: 7,613 added, 7,919 in all. Header 303, navigation (12 × 10 menus) 983, 5 cards of
 *   8 × 5 rows 1,825, timeline of 70 entries 4,430, help/chat widgets 68.
 * - pipedrive: 6,894 added, 7,049 in all (a lighter app). Header 303, navigation 541, 4 list
 *   panels 1,564, the deal's history ("flow") of 70 entries 4,430, widgets 52.
 *
 * The shell goes before and after the fixture's own content (`head` at the start of <body>,
 * `tail` at its end), outside the element each reader reads the record from, with none of the
 * hooks the readers look for (record homes, page hosts, record panes, detail views, property
 * test ids, mailto links): the capture must be exactly the capture of the bare fixture, and the
 * bench checks that it is. Deterministic: the same site gives the same markup.
 */

export interface AppChrome {
  head: string;
  tail: string;
}

interface Dialect {
  /** Class prefix in the app's own style (slds-, private-, cui5-). */
  p: string;
  /** Custom-element wrapper tags, as LWC / React component roots nest them around every cell. */
  wrap: readonly string[];
  navItems: number;
  menuItems: number;
  lists: number;
  rows: number;
  cols: number;
  timeline: number;
  utility: number;
}

const DIALECTS: Record<string, Dialect> = {
  salesforce: {
    p: 'slds-',
    wrap: ['lightning-primitive-cell-factory', 'lightning-primitive-cell-wrapper', 'lst-formatted-text', 'lightning-base-formatted-text', 'span'],
    navItems: 14,
    menuItems: 8,
    lists: 7,
    rows: 10,
    cols: 6,
    timeline: 80,
    utility: 8,
  },
  hubspot: { p: 'private-', wrap: ['div', 'span', 'span'], navItems: 12, menuItems: 10, lists: 5, rows: 8, cols: 5, timeline: 70, utility: 4 },
  pipedrive: { p: 'cui5-', wrap: ['div', 'span'], navItems: 10, menuItems: 6, lists: 4, rows: 10, cols: 5, timeline: 70, utility: 3 },
};

const WORDS = ['Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka', 'Acme'];
const word = (i: number) => WORDS[i % WORDS.length]!;

function icon(d: Dialect, name: string): string {
  return `<span class="${d.p}icon_container ${d.p}icon-utility-${name}"><svg class="${d.p}icon ${d.p}icon_x-small" aria-hidden="true" viewBox="0 0 52 52"><use href="#${name}"></use></svg><span class="${d.p}assistive-text">${name}</span></span>`;
}

function wrapped(d: Dialect, inner: string): string {
  let s = inner;
  for (let i = d.wrap.length - 1; i >= 0; i--) s = `<${d.wrap[i]} class="${d.p}cell-${i}">${s}</${d.wrap[i]}>`;
  return s;
}

function globalHeader(d: Dialect): string {
  const recent = Array.from({ length: 12 }, (_, i) => `<li role="presentation" class="${d.p}listbox__item"><div role="option" class="${d.p}media ${d.p}listbox__option">${icon(d, 'opportunity')}<span class="${d.p}media__body"><span class="${d.p}truncate">${word(i)} renewal ${i}</span><span class="${d.p}listbox__option-meta">Opportunity • ${word(i + 3)}</span></span></div></li>`).join('');
  const actions = ['favorites', 'add', 'help', 'setup', 'notification', 'trailhead', 'apps', 'chat']
    .map((a) => `<li class="${d.p}global-actions__item"><div class="${d.p}dropdown-trigger"><button class="${d.p}button ${d.p}button_icon" title="${a}">${icon(d, a)}</button><div class="${d.p}dropdown" hidden><ul class="${d.p}dropdown__list">${Array.from({ length: 4 }, (_, i) => `<li><a role="menuitem" href="#${a}${i}"><span class="${d.p}truncate">${a} ${i}</span></a></li>`).join('')}</ul></div></div></li>`)
    .join('');
  return (
    `<div class="${d.p}global-header_container app-shell-header"><div class="${d.p}global-header ${d.p}grid ${d.p}grid_align-spread">` +
    `<div class="${d.p}global-header__item"><div class="${d.p}global-header__logo">${icon(d, 'logo')}</div></div>` +
    `<div class="${d.p}global-header__item ${d.p}global-header__item_search"><div class="${d.p}form-element"><div class="${d.p}combobox_container"><div class="${d.p}combobox" role="combobox" aria-expanded="false">` +
    `<div class="${d.p}input-has-icon">${icon(d, 'search')}<input type="search" class="${d.p}input" placeholder="Search..."></div>` +
    `<div class="${d.p}dropdown ${d.p}dropdown_length-with-icon-7" role="listbox" hidden><ul class="${d.p}listbox" role="presentation">${recent}</ul></div></div></div></div></div>` +
    `<div class="${d.p}global-header__item"><ul class="${d.p}global-actions">${actions}<li class="${d.p}global-actions__item"><button class="${d.p}avatar ${d.p}avatar_circle" title="View profile"><img alt="" src="data:,"></button></li></ul></div>` +
    `</div></div>`
  );
}

function navBar(d: Dialect): string {
  const items = Array.from({ length: d.navItems }, (_, i) => {
    const menu = Array.from({ length: d.menuItems }, (_, j) => `<li class="${d.p}dropdown__item" role="presentation"><a role="menuitem" href="#nav-${i}-${j}" title="${word(i + j)} ${j}">${icon(d, 'record')}<span class="${d.p}truncate">${word(i + j)} ${j}</span></a></li>`).join('');
    return (
      `<li class="${d.p}context-bar__item nav-item-${i}"><a href="#nav-${i}" class="${d.p}context-bar__label-action" title="Section ${i}"><span class="${d.p}truncate">Section ${i}</span></a>` +
      `<div class="${d.p}context-bar__icon-action ${d.p}p-left_none"><button class="${d.p}button ${d.p}button_icon ${d.p}context-bar__button" aria-haspopup="true" title="Section ${i} list">${icon(d, 'chevrondown')}</button>` +
      `<div class="${d.p}dropdown ${d.p}dropdown_right" hidden><ul class="${d.p}dropdown__list" role="menu">${menu}</ul></div></div></li>`
    );
  }).join('');
  return `<div class="${d.p}context-bar app-shell-nav"><div class="${d.p}context-bar__primary"><div class="${d.p}context-bar__item ${d.p}context-bar__dropdown-trigger"><button class="${d.p}button ${d.p}button_icon" title="App launcher">${icon(d, 'waffle')}</button><span class="${d.p}context-bar__label-action ${d.p}context-bar__app-name"><span class="${d.p}truncate">Sales</span></span></div></div><nav class="${d.p}context-bar__secondary" role="navigation"><ul class="${d.p}grid">${items}</ul></nav></div>`;
}

function relatedList(d: Dialect, n: number): string {
  const head = Array.from({ length: d.cols }, (_, c) => `<th scope="col" class="${d.p}is-sortable"><div class="${d.p}th__action"><span class="${d.p}truncate" title="Column ${c}">Column ${c}</span>${icon(d, 'arrowdown')}</div></th>`).join('');
  const rows = Array.from({ length: d.rows }, (_, r) => {
    const cells = Array.from({ length: d.cols }, (_, c) => {
      const v = c === 0 ? `<a href="#item-${n}-${r}" tabindex="-1">${word(n + r)} item ${r}</a>` : c === 1 ? `<span>${1 + ((n * 7 + r) % 28)}/0${1 + (r % 9)}/2026</span>` : `<span title="${word(r + c)}">${word(r + c)} ${(n + 1) * (r + 1) * (c + 1)}</span>`;
      return `<td class="${d.p}cell-edit" role="gridcell"><div class="${d.p}truncate">${wrapped(d, v)}</div></td>`;
    }).join('');
    return `<tr class="${d.p}hint-parent" aria-selected="false">${cells}<td role="gridcell"><div class="${d.p}dropdown-trigger"><button class="${d.p}button ${d.p}button_icon-border-filled" title="Show more actions">${icon(d, 'down')}</button></div></td></tr>`;
  }).join('');
  return (
    `<article class="${d.p}card app-shell-list"><div class="${d.p}card__header ${d.p}grid"><header class="${d.p}media ${d.p}media_center ${d.p}has-flexi-truncate"><div class="${d.p}media__figure">${icon(d, 'list')}</div>` +
    `<div class="${d.p}media__body"><h2 class="${d.p}card__header-title"><a href="#list-${n}" class="${d.p}card__header-link"><span class="${d.p}truncate">Related list ${n}</span><span class="${d.p}shrink-none">(${d.rows})</span></a></h2></div></header>` +
    `<div class="${d.p}no-flex"><ul class="${d.p}button-group-list"><li><button class="${d.p}button ${d.p}button_neutral">New</button></li></ul></div></div>` +
    `<div class="${d.p}card__body"><div class="${d.p}table_header-fixed_container ${d.p}scrollable_x"><table class="${d.p}table ${d.p}table_bordered" role="grid"><thead><tr>${head}<th></th></tr></thead><tbody>${rows}</tbody></table></div></div>` +
    `<footer class="${d.p}card__footer"><a class="${d.p}card__footer-action" href="#list-${n}-all">View All</a></footer></article>`
  );
}

function timelineEntry(d: Dialect, i: number): string {
  const kinds = ['email', 'call', 'task', 'event', 'note'];
  const kind = kinds[i % kinds.length]!;
  return (
    `<li class="${d.p}timeline__item timeline-${kind}"><div class="${d.p}timeline__item_expandable ${d.p}timeline__item_${kind}"><div class="${d.p}media"><div class="${d.p}media__figure">` +
    `<button class="${d.p}button ${d.p}button_icon" title="Toggle details">${icon(d, 'switch')}</button><div class="${d.p}icon_container ${d.p}timeline__icon">${icon(d, kind)}</div></div>` +
    `<div class="${d.p}media__body"><div class="${d.p}grid ${d.p}grid_align-spread ${d.p}timeline__trigger"><div class="${d.p}grid ${d.p}grid_vertical-align-center ${d.p}truncate_container_75 ${d.p}no-space">` +
    `<h3 class="${d.p}truncate" title="${kind} ${i}"><a href="#activity-${i}"><strong>${kind[0]!.toUpperCase()}${kind.slice(1)}: follow-up with ${word(i)} ${i}</strong></a></h3>` +
    `<div class="${d.p}no-flex">${icon(d, 'priority')}</div></div>` +
    `<div class="${d.p}timeline__actions ${d.p}timeline__actions_inline"><p class="${d.p}timeline__date">${1 + (i % 12)}:${String((i * 7) % 60).padStart(2, '0')} PM | ${1 + (i % 28)}/0${1 + (i % 9)}/2026</p>` +
    `<div class="${d.p}dropdown-trigger"><button class="${d.p}button ${d.p}button_icon-border-filled" title="More options">${icon(d, 'down')}</button><div class="${d.p}dropdown" hidden><ul class="${d.p}dropdown__list" role="menu">${['Edit', 'Delete', 'Change date', 'Change owner'].map((a) => `<li class="${d.p}dropdown__item"><a role="menuitem" href="#${a}-${i}"><span class="${d.p}truncate">${a}</span></a></li>`).join('')}</ul></div></div></div></div>` +
    `<p class="${d.p}m-horizontal_xx-small"><a href="#user-${i % 7}">${word(i + 5)} Rep</a> had a ${kind} with <a href="#person-${i % 11}">${word(i + 2)} Contact</a></p>` +
    `<article class="${d.p}box ${d.p}timeline__item_details ${d.p}theme_shade ${d.p}m-top_x-small" aria-hidden="true"><ul class="${d.p}list_horizontal ${d.p}wrap">` +
    `<li class="${d.p}grid ${d.p}grid_vertical ${d.p}size_1-of-2"><span class="${d.p}text-title">Name</span><span class="${d.p}text-body_medium"><a href="#person-${i % 11}">${word(i + 2)} Contact</a></span></li>` +
    `<li class="${d.p}grid ${d.p}grid_vertical ${d.p}size_1-of-2"><span class="${d.p}text-title">Related to</span><span class="${d.p}text-body_medium"><a href="#related-${i}">${word(i)} renewal</a></span></li></ul>` +
    `<div><span class="${d.p}text-title">Description</span><p class="${d.p}p-top_x-small">Discussed the proposal, pricing tiers and the rollout plan for ${word(i + 1)}; next step agreed for the week after.</p></div></article>` +
    `</div></div></div></li>`
  );
}

function timeline(d: Dialect): string {
  const entries = Array.from({ length: d.timeline }, (_, i) => timelineEntry(d, i)).join('');
  return (
    `<div class="${d.p}card app-shell-activity"><div class="${d.p}tabs_default"><ul class="${d.p}tabs_default__nav" role="tablist">${['Activity', 'Chatter', 'Details'].map((t, i) => `<li class="${d.p}tabs_default__item${i === 0 ? ` ${d.p}is-active` : ''}" role="presentation"><a class="${d.p}tabs_default__link" role="tab" href="#tab-${t}">${t}</a></li>`).join('')}</ul>` +
    `<div class="${d.p}tabs_default__content" role="tabpanel"><div class="${d.p}section ${d.p}is-open"><h3 class="${d.p}section__title"><button class="${d.p}button ${d.p}section__title-action">${icon(d, 'switch')}<span class="${d.p}truncate">Upcoming &amp; Overdue</span></button></h3>` +
    `<div class="${d.p}section__content"><ul class="${d.p}timeline">${entries}</ul></div></div></div></div></div>`
  );
}

function utilityBar(d: Dialect): string {
  const items = Array.from({ length: d.utility }, (_, i) => `<li class="${d.p}utility-bar__item"><button class="${d.p}button ${d.p}utility-bar__action" aria-pressed="false">${icon(d, 'utility')}<span class="${d.p}utility-bar__text">Utility ${i}</span></button><div class="${d.p}utility-panel ${d.p}grid ${d.p}grid_vertical" hidden><div class="${d.p}utility-panel__header">${icon(d, 'utility')}<h2>Utility ${i}</h2></div><div class="${d.p}utility-panel__body"><p>Panel ${i}</p></div></div></li>`).join('');
  return `<footer class="${d.p}utility-bar_container app-shell-utility" aria-label="Utility Bar"><ul class="${d.p}utility-bar">${items}</ul></footer><div class="${d.p}overlay-container" aria-live="polite"><div class="${d.p}notify_container"></div><div class="${d.p}modal-container"></div></div>`;
}

/** The shell for a site's record page; throws for a site without a dialect. */
export function appChrome(site: string): AppChrome {
  const d = DIALECTS[site];
  if (!d) throw new Error(`no app chrome for ${site}`);
  const lists = Array.from({ length: d.lists }, (_, i) => relatedList(d, i)).join('');
  return {
    head: `<div class="app-shell-top">${globalHeader(d)}${navBar(d)}</div>`,
    tail: `<div class="app-shell-side ${d.p}grid ${d.p}wrap"><div class="${d.p}col ${d.p}size_2-of-3">${lists}</div><div class="${d.p}col ${d.p}size_1-of-3">${timeline(d)}</div></div>${utilityBar(d)}`,
  };
}

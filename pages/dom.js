// The probe of pages/dom.py: reads the screen as a person does, in one WebDriver round trip.
// Loaded once by pages/dom.py, which puts `const CONFIG = {...};` (the error screens' titles and the
// logout control's name, pages/components/markers.py) before it. Arguments: [query, since, stamp].
const squash = s => (s || '').replace(/\s+/g, ' ').trim();
const visible = el => {
  // as in WebDriver, an option is shown when its list is
  const shown = el.tagName === 'OPTION' ? (el.closest('select') || el) : el;
  return shown.getClientRects().length > 0 && getComputedStyle(shown).visibility !== 'hidden';
};
const inTree = el => !el.closest('[aria-hidden="true"]');
const text = el => visible(el) ? squash(el.innerText) : '';
const CONTROLS = 'input,select,textarea,button';
const HEADING = /^H[1-6]$/;

function roleOf(el) {
  const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
  if (explicit && explicit !== 'presentation' && explicit !== 'none') return explicit;
  const tag = el.tagName.toLowerCase();
  if (HEADING.test(el.tagName)) return 'heading';
  switch (tag) {
    case 'a': case 'area': return el.hasAttribute('href') ? 'link' : null;
    case 'button': return 'button';
    case 'input': {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (['submit', 'button', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'hidden') return null;
      if (type === 'search') return 'searchbox';
      if (type === 'number') return 'spinbutton';
      if (type === 'range') return 'slider';
      return 'textbox';
    }
    case 'select': return (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
    case 'textarea': return 'textbox';
    case 'table': return 'table';
    case 'tr': return 'row';
    case 'th': return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    case 'td': return 'cell';
    case 'ul': case 'ol': return 'list';
    case 'li': return 'listitem';
    case 'nav': return 'navigation';
    case 'main': return 'main';
    case 'header': return el.closest('article,aside,main,nav,section') ? null : 'banner';
    case 'footer': return el.closest('article,aside,main,nav,section') ? null : 'contentinfo';
    case 'form': return 'form';
    case 'section': return (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) ? 'region' : null;
    case 'article': return 'article';
    case 'aside': return 'complementary';
    case 'dialog': return 'dialog';
    case 'option': return 'option';
    case 'fieldset': return 'group';
    case 'progress': return 'progressbar';
    case 'img': return 'img';
    case 'dt': return 'term';
    case 'dd': return 'definition';
    case 'output': return 'status';
  }
  return null;
}

// A person reads a search box as a text field, a grid as a table: such queries match both.
const ROLE_FAMILY = {textbox: ['textbox', 'searchbox'], table: ['table', 'grid', 'treegrid'],
                     cell: ['cell', 'gridcell'], row: ['row'], columnheader: ['columnheader']};
const hasRole = (el, wanted) => (ROLE_FAMILY[wanted] || [wanted]).includes(roleOf(el));
const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'cell', 'gridcell', 'columnheader',
  'rowheader', 'tab', 'option', 'menuitem', 'checkbox', 'radio', 'listitem', 'row', 'term', 'definition', 'status',
  'alert', 'switch', 'treeitem']);

function ownText(node) {
  // the text of a label without the controls it wraps (a select's options, an input's value)
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += ' ' + child.textContent;
    else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(CONTROLS)) {
      if (getComputedStyle(child).display !== 'none') out += ' ' + ownText(child);
    }
  }
  return squash(out);
}

function nameOf(el) {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const parts = labelledby.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean);
    const named = squash(parts.map(part => part.textContent).join(' '));
    if (named) return named;
  }
  const aria = squash(el.getAttribute('aria-label'));
  if (aria) return aria;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'input' && ['submit', 'button', 'reset'].includes(type)) return squash(el.value);
    if (tag === 'input' && type === 'image') return squash(el.alt);
    const labels = Array.from(el.labels || []);
    if (labels.length) return squash(labels.map(ownText).join(' '));
    return squash(el.title || el.placeholder || '');
  }
  if (tag === 'img') return squash(el.alt || el.title);
  if (tag === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return squash(legend.textContent);
  }
  if (tag === 'table') {
    const caption = el.querySelector(':scope > caption');
    if (caption) return squash(caption.textContent);
  }
  if (NAME_FROM_CONTENT.has(roleOf(el))) return squash(el.innerText || el.textContent);
  return squash(el.title);
}

const same = (actual, wanted, exact) => exact === false ? actual.includes(wanted) : actual === wanted;
const candidates = root => Array.from(root.querySelectorAll('*'));
const innermost = found => found.filter(el => !found.some(other => other !== el && el.contains(other)));

function headingLevel(h) {
  const level = parseInt(h.getAttribute('aria-level') || (HEADING.test(h.tagName) ? h.tagName[1] : '2'), 10);
  return isNaN(level) ? 2 : level;
}

function sectionOf(h) {
  // the nearest ancestor holding more than the heading and no other heading of its level or higher
  const level = headingLevel(h);
  let best = h.parentElement;
  for (let node = h.parentElement; node && node !== document.body; node = node.parentElement) {
    const rival = candidates(node).some(other => other !== h && hasRole(other, 'heading')
                                        && headingLevel(other) <= level && inTree(other));
    if (rival) break;
    best = node;
  }
  return best;
}

function find(loc, root) {
  root = root || document;
  if (loc.within) return find(loc.within, root).filter(visible).flatMap(scope => find(loc.find, scope));
  if (loc.having) return find(loc.having, root).filter(el => text(el).includes(loc.text));
  if (loc.nth) { const all = find(loc.nth, root).filter(visible); return all[loc.index] ? [all[loc.index]] : []; }
  if (loc.element) return [loc.element];
  if (loc.outside) {
    const others = find(loc.outside, root);
    return find(loc.of, root).filter(el => !others.some(other => other.contains(el)));
  }
  if (loc.any) {
    const found = Array.from(new Set(loc.any.flatMap(one => find(one, root))));
    return found.sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  }
  if (loc.role) {
    return candidates(root).filter(el => hasRole(el, loc.role) && inTree(el)
                                   && (loc.name === undefined || same(nameOf(el), loc.name, loc.exact)));
  }
  if (loc.label) {
    return candidates(root).filter(el => (el.matches('input:not([type=hidden]),select,textarea')
                                          || ['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio',
                                              'spinbutton', 'slider', 'switch'].includes(el.getAttribute('role')))
                                         && same(nameOf(el), loc.label, loc.exact));
  }
  if (loc.text) {
    const found = candidates(root).filter(el => !el.matches('script,style,template,head,title')
                                                && (el.textContent || '').includes(loc.text.trim())
                                                && same(text(el), loc.text, loc.exact));
    return innermost(found);
  }
  if (loc.section) {
    const named = candidates(root).filter(el => ['region', 'group', 'article', 'complementary', 'navigation', 'form']
                                                 .includes(roleOf(el)) && same(nameOf(el), loc.section, loc.exact));
    const headed = candidates(root)
      .filter(el => hasRole(el, 'heading') && inTree(el)
                    && same(squash(el.innerText || el.textContent), loc.section, loc.exact))
      .map(sectionOf).filter(Boolean);
    return Array.from(new Set([...named, ...headed]));
  }
  throw new Error('unknown locator: ' + JSON.stringify(loc));
}

const findVisible = (loc, root) => find(loc, root).filter(visible);

function valueOf(label, root) {
  // what a person reads beside a label: dt/dd, a row header and its cell, a label and its field,
  // "Label: value" (the value maybe in its own element), or an element's aria-label
  const bare = label.replace(/:$/, '');
  const isLabel = s => s === bare || s === bare + ':';
  const prefixed = el => {
    const shown = text(el);
    return shown.startsWith(bare + ':') && shown.length > bare.length + 1;
  };
  for (const el of candidates(root || document)) {
    if (!visible(el)) continue;
    if (squash(el.getAttribute('aria-label')) === bare && !el.matches(CONTROLS)) return text(el);
    const shown = text(el);
    if (isLabel(shown)) {
      if (el.tagName === 'DT') {
        let definition = el.nextElementSibling;
        while (definition && definition.tagName !== 'DD') definition = definition.nextElementSibling;
        if (definition) return text(definition);
      }
      if (roleOf(el) === 'rowheader' || (el.tagName === 'TH' && el.parentElement.querySelectorAll('td').length)) {
        const cell = Array.from(el.parentElement.children)
          .find(c => c !== el && c.matches('td,[role=cell],[role=gridcell]'));
        if (cell) return text(cell);
      }
      if (el.tagName === 'LABEL' && el.control) return el.control.value;
      // "<span>Label</span>: value" inside one element
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const whole = text(box);
        if (whole.length > shown.length && whole.startsWith(shown)) {
          return squash(whole.slice(shown.length).replace(/^\s*:?\s*/, ''));
        }
      }
    } else if (prefixed(el) && !Array.from(el.querySelectorAll('*')).some(inner => visible(inner) && prefixed(inner))) {
      return squash(shown.slice(bare.length + 1));  // "Label: value", the innermost element saying so
    }
  }
  return null;
}

function tableRows(table) {
  const CELLS = 'td,th,[role=cell],[role=gridcell],[role=columnheader],[role=rowheader]';
  const cellsOf = row => Array.from(row.children).filter(c => c.matches(CELLS));
  const TABLES = 'table,[role=table],[role=grid],[role=treegrid]';
  const rows = Array.from(table.querySelectorAll('tr,[role=row]')).filter(row => row.closest(TABLES) === table);
  const headerRow = rows.find(row => cellsOf(row).some(c => roleOf(c) === 'columnheader'));
  const headers = headerRow ? cellsOf(headerRow).map(c => squash(c.innerText || c.textContent)) : [];
  return rows.filter(row => row !== headerRow && visible(row)).map(row => {
    const cells = {};
    cellsOf(row).forEach((cell, i) => { cells[headers[i] !== undefined ? headers[i] : String(i)] = text(cell); });
    return {cells: cells, row: row};
  });
}

function field(el) {
  if (!el) return null;
  return {element: el, value: 'value' in el ? String(el.value) : null,
          checked: el.matches('input[type=checkbox],input[type=radio]') ? el.checked
                   : (el.hasAttribute('aria-checked') ? el.getAttribute('aria-checked') === 'true' : null)};
}

// Strict queries: a query for one element that matches several visible ones is recorded (and the wait
// fails listing them, pages/base.py), never answered silently with the first.
const AMBIGUOUS = [];
function one(query, root) {
  const found = findVisible(query.loc, root);
  if (found.length > 1) AMBIGUOUS.push({loc: query.loc, texts: found.slice(0, 10).map(el => nameOf(el) || text(el))});
  return found;
}

function answer(query, root) {
  switch (query.q) {
    case 'element': return one(query, root)[0] || null;
    case 'elements': return findVisible(query.loc, root);
    case 'text': { const el = one(query, root)[0]; return el ? text(el) : ''; }
    case 'texts': return findVisible(query.loc, root).map(text);
    case 'exists': return findVisible(query.loc, root).length > 0;
    case 'field': return field(one(query, root)[0]);
    case 'value': return valueOf(query.label, root);
    case 'names': return findVisible(query.loc, root).map(nameOf);
    case 'invalid': return candidates(root || document)
      .filter(el => el.getAttribute('aria-invalid') === 'true' && visible(el)).map(nameOf);
    case 'table': {
      const table = one(query, root)[0];
      if (!table) return [];
      return tableRows(table).map(row => {
        for (const [name, sub] of Object.entries(query.read || {})) row[name] = answer(sub, row.row);
        return row;
      });
    }
    case 'each': return findVisible(query.loc, root).map(el => {
      const out = {element: el};
      for (const [name, sub] of Object.entries(query.read)) out[name] = answer(sub, el);
      return out;
    });
    case 'all': {
      const out = {};
      for (const [name, sub] of Object.entries(query.read)) out[name] = answer(sub, root);
      return out;
    }
  }
  throw new Error('unknown query: ' + JSON.stringify(query));
}

function firstH1() {
  const heading = Array.from(document.querySelectorAll('h1,[role=heading][aria-level="1"]')).find(visible);
  return heading || null;
}

function banner() {
  const header = Array.from(document.querySelectorAll('header,[role=banner]'))
    .find(el => roleOf(el) === 'banner' && visible(el));
  if (!header) return '';
  let out = '';
  const walk = node => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += ' ' + child.textContent;
      else if (child.nodeType === Node.ELEMENT_NODE && visible(child)
               && !['link', 'button', 'navigation', 'form', 'textbox', 'searchbox', 'combobox'].includes(roleOf(child))
               && !child.matches('script,style')) walk(child);
    }
  };
  walk(header);
  return squash(out);
}

function stampables() {
  const main = Array.from(document.querySelectorAll('main,[role=main]')).find(visible) || null;
  return [document.body, main, firstH1()].filter(Boolean);
}
const alertsShown = () => Array.from(document.querySelectorAll('[role=alert],[role=alertdialog]'))
  .filter(el => visible(el) && text(el));

// -- the probe: the screen's state and the answer to a query -------------------------------------
// `since`: a generation stamped by an earlier probe; `stamp`: stamp the content with this generation after reading;
// CONFIG: the error screens' titles and the logout control's name, in this environment's words.
const [query, since, stamp, CONFIG] = arguments;
const heading = firstH1();
const title = heading ? squash(heading.innerText || heading.textContent) : '';
let error = null;
for (const [kind, errorTitle] of Object.entries(CONFIG.errors)) if (title === errorTitle) error = kind;
const fresh = since === null ? true
  : (document.__iikpGen !== since || stampables().some(node => node.__iikpGen !== since));
const alerts = alertsShown();
const busy = Array.from(document.querySelectorAll('[aria-busy="true"],[role=progressbar],progress')).some(visible);
const loggedIn = find({any: [{role: 'button', name: CONFIG.logout}, {role: 'link', name: CONFIG.logout}]})
  .some(visible);
const result = query ? answer(query, document) : null;
if (stamp !== null) {
  document.__iikpGen = stamp;
  for (const node of stampables().concat(alerts)) node.__iikpGen = stamp;
}
return {error: error, h1: title, url: location.href, fresh: fresh, busy: busy,
        alerts: alerts.map(text), new_alerts: alerts.filter(el => since === null || el.__iikpGen !== since).map(text),
        banner: banner(), logged_in: loggedIn, result: result,
        ambiguous: AMBIGUOUS.map(entry => ({loc: JSON.parse(JSON.stringify(entry.loc, (k, v) => v instanceof Element ? null : v)),
                                        texts: entry.texts}))};

// 表格视图 The table view's page: draws the grids the extension posts (server/src/core/grid.ts),
// with DOM nodes and textContent only (report text is data, never markup). Cells are focusable
// (one tab stop, arrows move, Enter or a click selects the cell's text in the editor); the cell
// under the editor's cursor is marked. State survives hiding through setState/getState.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** @type {any} */
  let shown = vscode.getState() || null;
  /** @type {string | null} */
  let current = null;
  /** Focusable elements by line of the page: arrows move among them. @type {HTMLElement[][]} */
  let lines = [];

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** @param {string} template @param {...(string|number)} args */
  function fill(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  }

  /** A focusable element that selects `at` in the text. @param {HTMLElement} e @param {string} at @param {string} label */
  function selectable(e, at, label) {
    e.dataset.at = at;
    e.tabIndex = -1;
    e.setAttribute('aria-label', label);
    e.title = label;
    return e;
  }

  /** The text drawn in a cell, and the words that describe it. @param {any} cell @param {any} s */
  function cellText(cell, s) {
    switch (cell.state) {
      case 'blank':
        return { text: s.blank, words: s.blank };
      case 'missing': {
        const should = cell.expected !== undefined ? fill(s.shouldBe, cell.expected) : '';
        return { text: s.missing, words: [s.missing, should].filter(Boolean).join(', ') };
      }
      case 'invalid':
        return { text: cell.raw, words: `${cell.raw}, ${s.invalid}` };
      case 'wrong': {
        const should = cell.expected !== undefined ? fill(s.shouldBe, cell.expected) : '';
        return { text: cell.raw, words: [cell.raw, should].filter(Boolean).join(', ') };
      }
      default:
        return { text: cell.raw, words: cell.raw };
    }
  }

  /** @param {any} cell @param {any} row @param {string} at @param {any} s */
  function drawCell(cell, row, at, s) {
    const td = el('td', `cell ${cell.state}${row.placed ? '' : ' unplaced'}`);
    const { text, words } = cellText(cell, s);
    const notes = (cell.notes || []).join(' ');
    const label = `${row.label || row.key} · ${cell.column}: ${words}${notes ? `. ${notes}` : ''}`;
    td.append(el('span', 'value', text));
    if ((cell.state === 'wrong' || cell.state === 'missing') && cell.expected !== undefined) {
      td.append(el('span', 'expected', `→ ${cell.expected}`));
    }
    return selectable(td, at, label);
  }

  /**
   * Header rows from the columns' paths (group parts split at ·, then the label): each part
   * spans the columns that share it; a shorter path's last group reaches down to the labels.
   * @param {any[]} columns @param {number} corner columns before the numbers @param {string} cornerText
   */
  function drawHeader(columns, corner, cornerText) {
    const paths = columns.map((c) => [...(c.group ? String(c.group).split('·') : []), c.label]);
    const depth = Math.max(1, ...paths.map((p) => p.length));
    const thead = el('thead');
    for (let level = 0; level < depth; level++) {
      const tr = el('tr');
      if (level === 0 && corner > 0) {
        const th = el('th', 'corner', cornerText);
        th.colSpan = corner;
        th.rowSpan = depth;
        tr.append(th);
      }
      for (let j = 0; j < paths.length; ) {
        const p = paths[j];
        const leaf = level === depth - 1;
        // This column's part at this level: a group (levels before its last group), its last
        // group (reaching down to the label row), or its label (the last level).
        const groupLevels = p.length - 1;
        let text = null;
        let rowSpan = 1;
        if (leaf) text = p[p.length - 1];
        else if (level < groupLevels - 1) text = p[level];
        else if (level === groupLevels - 1) {
          text = p[level];
          rowSpan = depth - 1 - level;
        }
        let k = j + 1;
        if (text !== null && !leaf) {
          const key = p.slice(0, level + 1).join('·');
          while (k < paths.length && paths[k].length === p.length && paths[k].slice(0, level + 1).join('·') === key) k++;
        }
        if (text !== null) {
          const th = el('th', leaf ? 'column' : 'group', text);
          th.colSpan = k - j;
          th.rowSpan = rowSpan;
          th.scope = leaf ? 'col' : 'colgroup';
          tr.append(th);
        }
        j = k;
      }
      thead.append(tr);
    }
    return thead;
  }

  /** One HTML table for rows of the same columns. @param {any} table @param {number} t @param {any[]} rows @param {number[]} indices @param {any[]} columns @param {any} s */
  function drawGrid(table, t, rows, indices, columns, s) {
    const grid = el('table', 'grid');
    grid.setAttribute('role', 'grid');
    grid.setAttribute('aria-label', table.title);
    const groupDepth = Math.max(0, ...rows.map((r) => (r.groups || []).length));
    const labelled = rows.some((r) => r.label);
    const extras = Math.max(0, ...rows.map((r) => (r.extra || []).length));
    const corner = (labelled ? 1 : 0) + groupDepth;
    const head = drawHeader(columns, corner, '');
    if (extras > 0) {
      const th = el('th', 'column extra', s.extra);
      th.colSpan = extras;
      th.rowSpan = head.rows.length;
      head.rows[0].append(th);
    }
    grid.append(head);
    const body = el('tbody');
    rows.forEach((row, i) => {
      const r = indices[i];
      const tr = el('tr', `row ${row.state}`);
      const line = [];
      const groups = row.groups || [];
      // Group labels span the rows below them that share them.
      for (let d = 0; d < groups.length; d++) {
        const prev = rows[i - 1];
        const same = (/** @type {any} */ other) => other && (other.groups || []).slice(0, d + 1).join('|') === groups.slice(0, d + 1).join('|');
        if (same(prev)) continue;
        let span = 1;
        while (same(rows[i + span])) span++;
        const th = el('th', 'group-label', groups[d]);
        th.rowSpan = span;
        th.scope = 'rowgroup';
        tr.append(th);
      }
      if (labelled) {
        const th = el('th', 'label', row.label);
        th.scope = 'row';
        th.colSpan = 1 + groupDepth - groups.length;
        const notes = (row.notes || []).join(' ');
        line.push(selectable(th, `${t}.${r}`, `${row.label}${row.written ? ` (${fill(s.writtenAs, row.written)})` : ''}${notes ? `. ${notes}` : ''}`));
        tr.append(th);
      }
      const width = columns.length + extras;
      if (row.state !== 'present') {
        const td = el('td', 'absent', row.state === 'missing' ? s.missingRow : s.replacedRow);
        td.colSpan = width;
        const notes = (row.notes || []).join(' ');
        line.push(selectable(td, `${t}.${r}`, `${row.label}: ${td.textContent}${notes ? `. ${notes}` : ''}`));
        tr.append(td);
      } else {
        row.cells.forEach((/** @type {any} */ cell, /** @type {number} */ c) => {
          const td = drawCell(cell, row, `${t}.${r}.${c}`, s);
          line.push(td);
          tr.append(td);
        });
        // A row narrower than the grid (table 二's one-number rows) leaves the rest empty.
        const pad = columns.length - row.cells.length;
        if (pad > 0) {
          const td = el('td', 'pad');
          td.colSpan = pad;
          tr.append(td);
        }
        (row.extra || []).forEach((/** @type {any} */ cell, /** @type {number} */ c) => {
          const td = drawCell({ ...cell, state: 'extra', column: s.extra }, row, `${t}.${r}.${row.cells.length + c}`, s);
          line.push(td);
          tr.append(td);
        });
        for (let c = (row.extra || []).length; c < extras; c++) tr.append(el('td', 'pad'));
        if (!row.placed) tr.title = s.unplaced;
      }
      lines.push(line);
      body.append(tr);
    });
    grid.append(body);
    return grid;
  }

  /** @param {any} table @param {number} t @param {any} s */
  function drawTable(table, t, s) {
    const section = el('section', `table ${table.state}`);
    const h = selectable(el('h2', 'title', table.title), `${t}`, table.title);
    section.append(h);
    lines.push([h]);
    if (table.state !== 'read') {
      // A table not lined up, or not found: said in words, never drawn as guessed cells.
      section.append(el('p', 'reason', table.reason || ''));
      return section;
    }
    // Table 二 is several small tables, each under its caption and header.
    /** @type {{caption?: string, header?: string[], rows: any[], indices: number[]}[]} */
    const parts = [];
    table.rows.forEach((/** @type {any} */ row, /** @type {number} */ r) => {
      if (!parts.length || row.caption) parts.push({ caption: row.caption, header: row.header, rows: [], indices: [] });
      parts[parts.length - 1].rows.push(row);
      parts[parts.length - 1].indices.push(r);
    });
    for (const part of parts) {
      if (part.caption) section.append(el('h3', 'caption', part.caption));
      const columns = part.header ? part.header.slice(1).map((label) => ({ label })) : table.columns;
      const grid = drawGrid(table, t, part.rows, part.indices, columns, s);
      if (part.header && grid.tHead) {
        const corner = /** @type {HTMLElement|null} */ (grid.tHead.querySelector('th.corner'));
        if (corner) corner.textContent = part.header[0];
      }
      section.append(grid);
    }
    if (table.unmatched && table.unmatched.length) {
      section.append(el('h3', 'caption', s.unmatched));
      const list = el('ul', 'unmatched');
      table.unmatched.forEach((/** @type {any} */ u, /** @type {number} */ i) => {
        const li = selectable(el('li', '', `${u.label} ${u.raw.join(' ')}`), `${t}.${table.rows.length + i}`, `${u.label} ${u.raw.join(' ')}`);
        lines.push([li]);
        list.append(li);
      });
      section.append(list);
    }
    return section;
  }

  function draw() {
    root.textContent = '';
    lines = [];
    if (!shown) return;
    const s = shown.strings;
    const header = el('header', 'doc');
    header.append(el('h1', '', shown.name));
    if (shown.stale) header.append(el('p', 'stale', s.stale));
    root.append(header);
    if (shown.state !== 'checked') {
      const words = { waiting: s.waiting, 'not-report': s.notReport, 'too-large': s.tooLarge, failed: s.failed }[shown.state] || s.noReport;
      root.append(el('p', 'state', words));
      return;
    }
    shown.tables.forEach((/** @type {any} */ table, /** @type {number} */ t) => root.append(drawTable(table, t, s)));
    // One tab stop: the first focusable element, until another is focused.
    const first = lines.find((l) => l.length)?.[0];
    if (first) first.tabIndex = 0;
    mark(current);
    const marked = [...root.querySelectorAll('td.cell:not(.ok), td.absent')].map((e) => ({
      at: /** @type {HTMLElement} */ (e).dataset.at || '',
      state: e.classList.contains('absent') ? 'missing-row' : [...e.classList].find((c) => c !== 'cell' && c !== 'unplaced') || '',
      text: e.classList.contains('absent') ? e.textContent || '' : e.querySelector('.value')?.textContent || '',
      expected: e.querySelector('.expected')?.textContent || '',
      label: e.getAttribute('aria-label') || '',
    }));
    vscode.postMessage({ type: 'rendered', uri: shown.uri, version: shown.version, marked });
  }

  /** Marks the element of an address (the cursor's cell). @param {string | null} at */
  function mark(at) {
    for (const e of root.querySelectorAll('.current')) e.classList.remove('current');
    current = at;
    if (at === null) return;
    const e = root.querySelector(`[data-at="${CSS.escape(at)}"]`);
    if (!e) return;
    e.classList.add('current');
    e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** @param {HTMLElement} e */
  function focus(e) {
    for (const x of root.querySelectorAll('[tabindex="0"]')) /** @type {HTMLElement} */ (x).tabIndex = -1;
    e.tabIndex = 0;
    e.focus();
  }

  root.addEventListener('click', (ev) => {
    const e = /** @type {HTMLElement | null} */ (ev.target instanceof Element ? ev.target.closest('[data-at]') : null);
    if (!e) return;
    focus(e);
    vscode.postMessage({ type: 'select', at: e.dataset.at });
  });

  root.addEventListener('keydown', (ev) => {
    const e = /** @type {HTMLElement | null} */ (ev.target instanceof HTMLElement && ev.target.dataset.at !== undefined ? ev.target : null);
    if (!e) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      vscode.postMessage({ type: 'select', at: e.dataset.at });
      return;
    }
    const y = lines.findIndex((l) => l.includes(e));
    if (y < 0) return;
    const x = lines[y].indexOf(e);
    /** @type {HTMLElement | undefined} */
    let next;
    if (ev.key === 'ArrowRight') next = lines[y][x + 1];
    else if (ev.key === 'ArrowLeft') next = lines[y][x - 1];
    else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      for (let j = y + step; j >= 0 && j < lines.length && !next; j += step) if (lines[j].length) next = lines[j][Math.min(x, lines[j].length - 1)];
    } else if (ev.key === 'Home') next = lines[y][0];
    else if (ev.key === 'End') next = lines[y][lines[y].length - 1];
    if (!next) return;
    ev.preventDefault();
    focus(next);
  });

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m && m.type === 'show') {
      shown = m;
      vscode.setState(m);
      draw();
    } else if (m && m.type === 'highlight') {
      mark(typeof m.at === 'string' ? m.at : null);
    }
  });

  draw();
  vscode.postMessage({ type: 'ready' });
})();

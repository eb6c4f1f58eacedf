// The dashboard runtime: renders the product's dashboard spec (/apps/<product>/spec.json) over its data API
// (/data/v1/<product>/...). The page's session cookie authenticates the calls; no key is ever in the page.
(function () {
  'use strict';
  const product = location.pathname.split('/')[2];
  const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => {
      if (!r.ok) {
        throw new Error(path.split('?')[0] + ' answered ' + r.status);
      }
      return r.json();
    });
  }

  function data(model, query, suffix) {
    return get('/data/v1/' + encodeURIComponent(product) + '/' + encodeURIComponent(model) + (suffix || '')
      + (query ? '?' + new URLSearchParams(query).toString() : ''));
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function show(value) {
    if (value === null || value === undefined) return '—';
    return typeof value === 'number' ? numberFormat.format(value) : String(value);
  }

  function kpi(widget) {
    const card = element('div', 'kpi');
    card.dataset.model = widget.model;
    card.dataset.column = widget.y[0];
    card.appendChild(element('div', 'label', widget.title));
    const value = element('div', 'value', '…');
    card.appendChild(value);
    document.getElementById('kpis').appendChild(card);
    return data(widget.model, null, '/summary').then((summary) => {
      const stats = summary.columns[widget.y[0]] || {};
      value.textContent = show(stats[widget.aggregate || 'sum']);
      card.dataset.value = String(stats[widget.aggregate || 'sum']);
    });
  }

  function chart(widget) {
    const box = element('div', 'chart');
    box.appendChild(element('h2', null, widget.title));
    const canvas = element('div', 'canvas');
    box.appendChild(canvas);
    document.getElementById('charts').appendChild(box);
    const query = widget.type === 'line'
      ? { sort: widget.x, page_size: 1000 }
      : { sort: '-' + widget.y[0], page_size: widget.limit || 20 };
    return data(widget.model, query).then((page) => {
      const chartView = echarts.init(canvas);
      // a missing dimension (a fact whose parent row is absent) is its own category, labelled as such
      const label = (value) => (value === null || value === undefined ? '(none)' : String(value));
      const categories = [...new Set(page.items.map((row) => label(row[widget.x])))];
      const series = widget.series
        ? [...new Set(page.items.map((row) => row[widget.series]))].map((name) => {
          // one line per value of the series column; a period it has no row for is drawn as zero
          const values = new Map(page.items.filter((row) => row[widget.series] === name)
            .map((row) => [label(row[widget.x]), row[widget.y[0]]]));
          return { name: label(name), type: widget.type, data: categories.map((x) => values.get(x) ?? 0) };
        })
        : widget.y.map((column) => ({
          name: column,
          type: widget.type,
          // a period present with no value is drawn as zero, as the aggregate models write it
          data: page.items.map((row) => (row[column] === null ? 0 : row[column])),
        }));
      chartView.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: series.map((s) => s.name), type: 'scroll' },
        grid: { left: 60, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value' },
        series: series,
      });
      window.addEventListener('resize', () => chartView.resize());
    });
  }

  function table(widget) {
    const box = element('div', 'table');
    box.appendChild(element('h2', null, widget.title));
    const grid = element('table');
    box.appendChild(grid);
    const pager = element('div', 'pager');
    const previous = element('button', null, 'Previous');
    const next = element('button', null, 'Next');
    const status = element('span');
    pager.append(previous, status, next);
    box.appendChild(pager);
    document.getElementById('tables').appendChild(box);
    let page = 1;
    function load() {
      return data(widget.model, { page: page, page_size: widget.pageSize || 20 }).then((result) => {
        grid.replaceChildren();
        const head = element('tr');
        widget.y.forEach((column) => head.appendChild(element('th', null, column)));
        grid.appendChild(head);
        result.items.forEach((row) => {
          const tr = element('tr');
          widget.y.forEach((column) => {
            tr.appendChild(element('td', typeof row[column] === 'number' ? 'number' : null, show(row[column])));
          });
          grid.appendChild(tr);
        });
        const pages = Math.max(1, Math.ceil(result.total / result.page_size));
        status.textContent = 'page ' + page + ' of ' + pages + ' (' + result.total + ' rows)';
        previous.disabled = page <= 1;
        next.disabled = page >= pages;
      });
    }
    previous.addEventListener('click', () => { page -= 1; load().catch(fail); });
    next.addEventListener('click', () => { page += 1; load().catch(fail); });
    return load();
  }

  function fail(error) {
    const box = document.getElementById('error');
    box.hidden = false;
    box.textContent = 'Could not load the data: ' + error.message;
  }

  get('/apps/' + encodeURIComponent(product) + '/spec.json').then((spec) => {
    document.title = spec.title;
    document.getElementById('title').textContent = spec.title;
    document.getElementById('version').textContent = 'version ' + spec.version;
    const renderers = { kpi: kpi, line: chart, bar: chart, table: table };
    return Promise.all(spec.widgets.map((w) => (renderers[w.type] || (() => Promise.resolve()))(w)));
  }).then(() => { document.body.dataset.ready = 'true'; }).catch(fail);
})();

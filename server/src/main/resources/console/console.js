// paygo console: draws the charts from numbers the server put in data attributes (rated by the same code as the
// API) and makes tables sortable. Nothing is computed here: tooltips show the amounts as the server wrote them
// (rounded half-even to the cent, like the API); only axis ticks are formatted here. No inline script anywhere, so the
// Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  'use strict';

  var PALETTE = ['#c2410c', '#1f4fb5', '#0f766e', '#7c3aed', '#b45309', '#be185d', '#15803d', '#475569',
    '#0369a1', '#a16207', '#9f1239', '#4d7c0f'];

  function money(currency) {
    var format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency });
    return function (value) { return format.format(value); };
  }

  // A tooltip line: the dataset's label and the value as the server wrote it.
  function shownLabel(c) {
    return c.dataset.label + ': ' + c.dataset.shown[c.dataIndex];
  }

  function costChart(canvas, data) {
    var fmt = money(data.currency);
    var datasets = data.series.map(function (s, i) {
      return { type: 'bar', label: s.name, data: s.values.map(Number), shown: s.shown,
        backgroundColor: PALETTE[i % PALETTE.length], stack: 'cost', yAxisID: 'y', order: 2 };
    });
    if (data.cumulative) {
      datasets.push({ type: 'line', label: 'Cumulative, this period', data: data.cumulative.map(Number),
        shown: data.cumulativeShown,
        borderColor: '#111827', backgroundColor: '#111827', yAxisID: 'y2', pointRadius: 0, borderWidth: 2, order: 1 });
    }
    if (data.previous) {
      datasets.push({ type: 'line', label: 'Cumulative, previous period', data: data.previous.map(Number),
        shown: data.previousShown,
        borderColor: '#6b7280', backgroundColor: '#6b7280', borderDash: [6, 4], yAxisID: 'y2', pointRadius: 0,
        borderWidth: 2, order: 1 });
    }
    var scales = {
      x: { stacked: true, grid: { display: false } },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: data.yTitle || 'Daily cost' },
        ticks: { callback: function (v) { return fmt(v); } } }
    };
    if (data.cumulative || data.previous) {
      scales.y2 = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
        title: { display: true, text: 'Cumulative' }, ticks: { callback: function (v) { return fmt(v); } } };
    }
    return new window.Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: { callbacks: { label: shownLabel } } },
        scales: scales
      }
    });
  }

  function quantityChart(canvas, data) {
    var fmt = money(data.currency);
    return new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: 'bar', label: 'Quantity (' + data.unit + ')', data: data.quantity.map(Number),
            shown: data.quantityShown, backgroundColor: '#1f4fb5', yAxisID: 'y' },
          { type: 'line', label: 'Cost', data: data.cost.map(Number), shown: data.costShown, borderColor: '#c2410c',
            backgroundColor: '#c2410c', yAxisID: 'y2', pointRadius: 2, borderWidth: 2 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: { callbacks: { label: shownLabel } } },
        scales: {
          x: { grid: { display: false } },
          y: { beginAtZero: true, title: { display: true, text: data.unit } },
          y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            ticks: { callback: function (v) { return fmt(v); } }, title: { display: true, text: 'Cost' } }
        }
      }
    });
  }

  function drawCharts() {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      (data.kind === 'quantity' ? quantityChart : costChart)(canvas, data);
    });
  }

  function sortable(table) {
    var heads = table.querySelectorAll('thead th[data-sort]');
    heads.forEach(function (th, index) {
      var button = th.querySelector('button');
      if (!button) {
        return;
      }
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var numeric = th.getAttribute('data-sort') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-value') || a.cells[column].textContent.trim();
          var y = b.cells[column].getAttribute('data-value') || b.cells[column].textContent.trim();
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function confirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  function start() {
    drawCharts();
    document.querySelectorAll('table.sortable').forEach(sortable);
    confirmations();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());

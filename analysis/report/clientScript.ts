/**
 * The script that draws the charts in the browser: every spec from the page's JSON
 * block into its container with vega-embed (SVG renderer, so the charts print sharply
 * and a test can count their marks). Only the export actions, which work offline, are
 * offered. When every chart has settled the root element gets data-charts="rendered"
 * and data-chart-errors=<count>, which the browser test waits for.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var charts = JSON.parse(document.getElementById('chart-specs').textContent);
  var options = {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false }
  };
  var errors = 0;
  var pending = charts.map(function (chart) {
    var container = document.getElementById('chart-' + chart.name);
    return vegaEmbed(container, chart.spec, options).catch(function (error) {
      errors += 1;
      var message = document.createElement('p');
      message.className = 'error';
      message.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : error);
      container.appendChild(message);
      console.error('chart ' + chart.name + ': ', error);
    });
  });
  Promise.all(pending).then(function () {
    document.documentElement.setAttribute('data-chart-errors', String(errors));
    document.documentElement.setAttribute('data-charts', 'rendered');
  });
})();
`;

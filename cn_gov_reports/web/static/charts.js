// Draws every <canvas class="ui-chart" data-chart='{"labels": [...], "series": {name: [...]}, "unit": "..."}'>
// with the bundled Chart.js (static/vendor/chart.js); no network access. An optional "links" ({series: [url per
// label]}) makes each bar a link (the targets page: each bar opens the sentence that states it).
(function () {
  var COLORS = {actual: "#2b6cb0", estimate: "#dd8a2b", target: "#c53030"};
  var FALLBACK = ["#2b6cb0", "#dd8a2b", "#c53030", "#2f855a", "#6b46c1"];
  function color(name, i) {
    var code = name.split(" ").pop();
    return COLORS[code] || FALLBACK[i % FALLBACK.length];
  }
  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var names = spec.order || Object.keys(spec.series);  // "order": the series in order (tojson sorts keys)
    var datasets = names.map(function (name, i) {
      return {label: name, data: spec.series[name], backgroundColor: color(name, i), maxBarThickness: 36};
    });
    var valueAxis = {beginAtZero: true, title: {display: !!spec.unit, text: spec.unit || ""}};
    new Chart(canvas, {
      type: "bar",
      data: {labels: spec.labels, datasets: datasets},
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: spec.horizontal ? {x: valueAxis} : {y: valueAxis},
        plugins: {legend: {position: "bottom"}},
        // spec.links {series name: [url per label]}: a click on a bar opens the row page behind it
        onClick: function (event, elements) {
          if (!spec.links || !elements.length) return;
          var name = datasets[elements[0].datasetIndex].label;
          var url = (spec.links[name] || [])[elements[0].index];
          if (url) window.location.href = url;
        }
      }
    });
    canvas.setAttribute("data-drawn", "1");
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas.ui-chart").forEach(draw);
  });
})();

// Draws every <canvas data-chart='{"label", "labels", "values"}'> as a Chart.js line chart.
document.addEventListener("DOMContentLoaded", () => {
  const accent = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() || "#2f6f4f";
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const data = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [{ label: data.label, data: data.values, borderColor: accent, backgroundColor: accent + "22",
                     fill: true, pointRadius: 3, stepped: "after" }]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
});

// The chart of the Usage view: stacked bars per day, one colour per model, drawn by Chart.js on a canvas. Only the
// parts a bar chart needs are registered, so the bundle carries nothing else. Chart.js sets sizes through the
// CSSOM (allowed by a strict style-src) and never evaluates strings, so the page's CSP stays as strict as the chat's.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartData {
  labels: string[];
  series: { label: string; values: number[] }[];
  /** Writes an axis tick or a tooltip value. */
  format(value: number): string;
  /** Accessible description of the whole chart. */
  description: string;
}

// VS Code's own chart colours, then two of the terminal's, so each theme (high contrast included) picks them.
const PALETTE = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
  '--vscode-terminal-ansiCyan',
  '--vscode-terminal-ansiMagenta',
];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700', '#29b8db', '#bc3fbc'];

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

export class UsageChart {
  private chart: Chart<'bar'> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  draw(data: ChartData): void {
    this.canvas.setAttribute('aria-label', data.description);
    const foreground = themeColour('--vscode-foreground', '#cccccc');
    const grid = themeColour('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const other = themeColour('--vscode-descriptionForeground', '#999999');
    const datasets = data.series.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor: i < PALETTE.length ? themeColour(PALETTE[i]!, FALLBACK[i]!) : other,
      borderWidth: 0,
      maxBarThickness: 28,
    }));
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: data.labels, datasets },
      options: {
        // Drawn once per summary; an animation would only delay the figures (and cost time on a slow machine).
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: foreground,
        font: { family: getComputedStyle(document.body).fontFamily },
        scales: {
          x: { stacked: true, ticks: { color: foreground, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { color: foreground, callback: (v) => data.format(Number(v)) },
            grid: { color: grid },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: foreground, boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${data.format(Number(item.raw))}` } },
        },
      },
    };
    // A new chart per summary: the models (datasets) change from month to month, and it is drawn rarely.
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, config);
  }
}

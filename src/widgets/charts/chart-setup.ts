/**
 * Registers only the Chart.js parts the deck uses (bar charts on category, linear and log scales)
 * and sets projector-friendly defaults. Imported by chart widgets, so Chart.js loads with them.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LogarithmicScale,
  Tooltip,
} from 'chart.js';

let registered = false;

/** Registers the parts once and returns Chart. */
export function setupCharts(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      CategoryScale,
      LinearScale,
      LogarithmicScale,
      Tooltip,
    );
    Chart.defaults.font.family = '"PT Sans", system-ui, sans-serif';
    Chart.defaults.font.size = 20;
    Chart.defaults.color = '#1b1f24';
    registered = true;
  }
  return Chart;
}

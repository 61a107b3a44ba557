/**
 * Widget `chart-throughput` (slide 4), on the kit: write throughput and latency of relational
 * stores, MongoDB and in-memory brokers on log scales, one group per clicker step. A chart: no lab.
 */
import { defineWidget } from '../runtime/kit.ts';
import './charts.css';
import { throughputLogic } from './logic.ts';
import { throughputPicture } from './picture.ts';

export const throughputWidget = defineWidget({
  name: 'chart-throughput',
  logic: throughputLogic,
  picture: throughputPicture,
});

export default throughputWidget;

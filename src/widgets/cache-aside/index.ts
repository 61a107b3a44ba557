/**
 * Widget `cache-aside` (slide 13), on the kit: the slide's FastAPI handler against the simulated
 * Redis. GET miss → slow database read → SETEX → fast hits → TTL runs out on the virtual clock →
 * miss again (./logic.ts). The stage shows one picture — the hops of the last request and the
 * keys in Redis — with the caption; the lab adds the fields, the hit ratio and response times,
 * the keys' list and the request log.
 */
import { defineWidget } from '../runtime/kit.ts';
import { cacheLab } from './lab.ts';
import { cacheLegend } from './legend.ts';
import { cacheLogic } from './logic.ts';
import { cachePicture } from './picture.ts';
import { PICTURE_BREAKPOINTS } from './route.ts';
import './cache-aside.css';

export const cacheAsideWidget = defineWidget({
  name: 'cache-aside',
  logic: cacheLogic,
  picture: cachePicture,
  // Where the diagram's own box crosses the width below which it draws the phone's layout.
  breakpoints: PICTURE_BREAKPOINTS,
  legend: cacheLegend,
  lab: cacheLab,
});

export default cacheAsideWidget;

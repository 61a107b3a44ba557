/**
 * Widget `cache-aside` (slide 13): the slide's FastAPI handler against the simulated Redis. GET
 * miss → slow database read → SETEX → fast hits → TTL runs out on the virtual clock → miss again,
 * with hit ratio and response times as numbers. show(n) replays story and student from scratch.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import type { HandlerSettings } from './app.ts';
import { flyToken } from './animate.ts';
import { captionFor } from './captions.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { CA_CLASS } from './classes.ts';
import { drawDiagram } from './diagram.ts';
import { createCacheInputs } from './inputs.ts';
import { cacheLegend } from './legend.ts';
import { keysList, requestLog, statsList } from './panel.ts';
import { routeFor } from './route.ts';
import { CACHE_STEPS, DEFAULT_SETTINGS, type CacheAction } from './scenarios.ts';
import { MAX_ACTIONS, cachedKeys, replayCache, statsOf } from './session.ts';
import './cache-aside.css';

/** The widget module the catalogue loads. */
export const cacheAsideWidget: WidgetModule = {
  mount(host) {
    let settings: HandlerSettings = DEFAULT_SETTINGS;
    let step = 0;
    let actions: CacheAction[] = [];
    let stopFlight: (() => void) | undefined;

    const figure = h('figure', { class: CA_CLASS.figure });
    const side = h('div');
    const log = h('div', { class: CA_CLASS.log });

    const render = (animate: boolean): void => {
      const run = replayCache(settings, step, actions);
      const record = run.last?.kind === 'request' ? run.last.record : undefined;
      const update = run.last?.kind === 'update' ? run.last.record : undefined;
      const keys = cachedKeys(run.redis);
      const svg = drawDiagram(
        record,
        keys.length,
        settings.dbMs,
        settings.ttlSeconds,
        run.last?.kind === 'wait' ? run.expired : [],
        update,
      );
      stopFlight?.();
      stopFlight = undefined;
      figure.replaceChildren(svg);
      side.replaceChildren(statsList(run), keysList(run, settings.ttlSeconds));
      log.replaceChildren(requestLog(run.requests));
      const st = statsOf(run.requests);
      const d = host.root.dataset;
      d['requests'] = String(st.requests);
      d['hits'] = String(st.hits);
      d['lastSource'] = record?.source ?? '';
      d['lastMs'] = record ? String(record.ms) : '';
      d['clockMs'] = String(run.redis.clock.now);
      host.say(captionFor(run, settings.ttlSeconds));
      inputs.sync(settings);
      const route = update
        ? routeFor(update.found ? 'update' : 'update-404')
        : record && routeFor(record.source);
      if (animate && route && !host.reducedMotion) {
        stopFlight = flyToken(svg, route, settings.dbMs, host.speed(), host.disposer);
      }
    };
    const act = (action: CacheAction): string | undefined => {
      if (actions.length >= MAX_ACTIONS)
        return 'Слишком много действий подряд — нажмите «Сначала».';
      actions = actions.concat(action);
      render(true);
      return undefined;
    };

    const inputs = createCacheInputs(host.disposer, () => settings, {
      request: (productId) => act({ kind: 'request', productId }),
      wait: (seconds) => act({ kind: 'wait', seconds }),
      update: (productId, price) => act({ kind: 'update', productId, price }),
      settings(next) {
        settings = next;
        render(false);
      },
    });
    host.root.append(
      inputs.element,
      h(
        'div',
        { class: `${CA_CLASS.main} ${WIDGET_CLASS.stageFill}` },
        // The legend sits under the picture it explains, so the numbers keep the right column.
        h('div', { class: CA_CLASS.left }, figure, cacheLegend()),
        h('div', { class: CA_CLASS.side }, side, log),
      ),
    );
    host.disposer.add(() => stopFlight?.());

    return {
      stepCount: CACHE_STEPS,
      reset() {
        actions = [];
        settings = DEFAULT_SETTINGS;
        inputs.reset(settings);
      },
      show(n, animate) {
        step = n;
        render(animate);
      },
    };
  },
};

export default cacheAsideWidget;

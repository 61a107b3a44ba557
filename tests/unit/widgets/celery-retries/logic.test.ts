import { describe, expect, it } from 'vitest';
import { celeryLogic, framesOf } from '../../../../src/widgets/celery-retries/logic.ts';
import { CELERY_STEPS, CELERY_STORIES } from '../../../../src/widgets/celery-retries/story.ts';
import { isRefusal, Timeline } from '../../../../src/widgets/runtime/timeline.ts';

describe('celery-retries logic on the kit', () => {
  it('a setting out of its limits is refused with the field’s message, never thrown', () => {
    const model = celeryLogic.init('max-retries');
    for (const value of [-1, 11, 2.5, Number.NaN]) {
      const next = celeryLogic.act(model, { type: 'number', key: 'maxRetries', value });
      expect(isRefusal(next) && next.reason).toMatch(/max_retries: .*от 0 до 10/);
    }
    expect(model.settings).toBe(CELERY_STORIES['max-retries'].settings);
  });

  it('the student’s settings stay across a seek; «Как на слайде» brings the story’s back', () => {
    const timeline = new Timeline(celeryLogic, 'max-retries', CELERY_STEPS);
    timeline.seek(CELERY_STEPS);
    expect(timeline.frame.view.frame.taskState).toBe('FAILURE');
    expect(timeline.act({ type: 'number', key: 'failures', value: 2 })).toBeUndefined();
    expect(timeline.frame.view.frame.taskState).toBe('SUCCESS');
    timeline.seek(3);
    expect(timeline.frame.view.settings.failures).toBe(2);
    timeline.seek(CELERY_STEPS);
    expect(timeline.frame.view.frame.taskState).toBe('SUCCESS');
    expect(timeline.act({ type: 'slide' })).toBeUndefined();
    expect(timeline.frame.view.frame.taskState).toBe('FAILURE');
    expect(timeline.frame.caption).toMatch(/FAILURE/);
  });

  it('replays a story under one setting once', () => {
    const story = CELERY_STORIES.acks;
    expect(framesOf(story, { ...story.settings })).toBe(framesOf(story, { ...story.settings }));
  });
});

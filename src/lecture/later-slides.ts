/**
 * How the page carries the slides after the first few (shared by the build, src/pipeline/
 * later-slides.ts, and the page, src/page/later-slides.ts): every section is in `.reveal >
 * .slides` with its attributes and title (`<header>`), so reveal.js, the slide numbers, the
 * progress bar and the speaker view's plan see the whole lecture at once; the body and notes of
 * the sections after the first `KEPT_SECTIONS` wait as inert text, deflated, which the browser
 * does not style, lay out or search, and are put in place after the first slide is drawn (first,
 * when the address names a later slide, or for the reading and print views).
 */

/** The `id` of the element that holds them (the last child of `.slides`). */
export const LATER_SLIDES_ID = 'later-slides';
/**
 * The holder is a data script of this type, whose text the parser scans without building nodes
 * (one file from file://: 4 ms less main thread than a `<template>`): the holders' HTML, raw
 * deflated and base64-encoded (a quarter of its size; base64 cannot end the script early).
 */
export const LATER_SLIDES_TYPE = 'text/x-lecture-slides';
/** The holder's attribute listing the `id`s of the sections it holds, space-separated. */
export const LATER_SLIDES_SECTIONS = 'data-sections';
/** The attribute of each holder in the template: the `id` of the section its content is for. */
export const LATER_SLIDE_ATTRIBUTE = 'data-later-slide';
/** Sections kept whole in the page: the title screen and slide 1, the first two reveal.js lays out. */
export const KEPT_SECTIONS = 2;
